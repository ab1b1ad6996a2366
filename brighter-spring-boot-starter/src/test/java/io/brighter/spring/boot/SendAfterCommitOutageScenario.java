package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send after a commit never holds the caller, on every transport: with the broker taken away, a
 * {@code @Transactional} post returns within 100 ms, health shows the broker DOWN and the
 * dispatcher DEGRADED with its failing channel, and once the broker is back the message reaches the
 * handler and health is UP again. The application is properties and beans of its own only: no
 * transport beans. Each transport's test takes its broker away in its own way, and names the
 * greetings table ({@code test.greetings-table}).
 */
abstract class SendAfterCommitOutageScenario {

  @SpringBootConfiguration
  @EnableAutoConfiguration(
      excludeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"
      })
  @Import({Received.class, GreetingAddedHandler.class, Greetings.class})
  static class App {}

  /** Saves a greeting and posts its event through the transactional poster. */
  @Service
  static class Greetings {
    private final JdbcTemplate jdbc;
    private final TransactionalPoster poster;
    private final String table;

    Greetings(
        JdbcTemplate jdbc,
        TransactionalPoster poster,
        @Value("${test.greetings-table}") String table) {
      this.jdbc = jdbc;
      this.poster = poster;
      this.table = table;
      jdbc.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (id VARCHAR(64) PRIMARY KEY, name TEXT NOT NULL)");
    }

    @Transactional
    public void add(String name) {
      Id id = Id.random();
      jdbc.update("INSERT INTO " + table + " (id, name) VALUES (?, ?)", id.value(), name);
      poster.post(new GreetingAdded(id, name));
    }
  }

  @Autowired Greetings greetings;
  @Autowired Received received;
  @Autowired DispatcherHealthIndicator dispatcherHealth;

  /** Takes the broker away from the application. */
  abstract void brokerAway() throws Exception;

  /** Brings it back. */
  abstract void brokerBack() throws Exception;

  /** The transport's broker health indicator. */
  abstract HealthIndicator brokerHealth();

  @Test
  void a_post_during_an_outage_returns_at_once_and_its_message_arrives_after_the_broker_returns()
      throws Exception {
    // given: the broker up, one greeting through
    greetings.add("Before");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(received.names).contains("consumed Before"));

    try {
      // when: the broker goes away
      brokerAway();
      long start = System.nanoTime();
      greetings.add("During");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // then: the caller did not wait for it
      assertThat(took).isLessThan(Duration.ofMillis(100));
      // and health tells the broker is away and the dispatcher's channel fails
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(brokerHealth().health(true).getStatus()).isEqualTo(Status.DOWN);
                assertThat(dispatcherHealth.health(true).getDetails())
                    .containsEntry("dispatcher", "DEGRADED")
                    .hasEntrySatisfying(
                        "message",
                        message -> assertThat(message.toString()).contains("channel is failing"));
              });
    } finally {
      brokerBack();
    }

    // and the message arrives once it is back, and health is up again
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(received.names).contains("consumed During"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(brokerHealth().health(true).getStatus()).isEqualTo(Status.UP);
              assertThat(dispatcherHealth.health(true).getDetails())
                  .containsEntry("dispatcher", "HEALTHY");
            });
  }
}
