package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import io.brighter.testing.TcpProxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send after a commit never holds the caller: with RabbitMQ taken away (a proxy between the
 * application and the loopback broker drops every connection), a {@code @Transactional} post
 * returns within 100 ms, health shows the broker DOWN and the dispatcher DEGRADED with its failing
 * channel, and once the broker is back the message reaches the handler and health is UP again. The
 * application is properties and beans of its own only: no transport beans.
 */
@SpringBootTest(
    classes = SendAfterCommitOutageIT.App.class,
    properties = {
      "brighter.outbox.table-name=outbox_spring_outage",
      "brighter.sweeper.minimum-age=1s",
      "brighter.sweeper.interval=200ms",
      "brighter.rabbitmq.exchange=spring.outage.tests",
      "brighter.rabbitmq.publications[0].topic=spring.outage.greeting",
      "brighter.rabbitmq.publications[0].request-type=io.brighter.spring.boot.Fixtures$GreetingAdded",
      "brighter.rabbitmq.subscriptions[0].name=spring-outage-greetings",
      "brighter.rabbitmq.subscriptions[0].routing-key=spring.outage.greeting",
      "brighter.rabbitmq.subscriptions[0].request-type=io.brighter.spring.boot.Fixtures$GreetingAdded",
      "brighter.rabbitmq.subscriptions[0].durable=false",
      "brighter.rabbitmq.subscriptions[0].timeout=200ms",
      "spring.rabbitmq.host=127.0.0.1"
    })
class SendAfterCommitOutageIT {

  private static final TcpProxy RABBIT = TcpProxy.to("127.0.0.1", 5672);

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

    Greetings(JdbcTemplate jdbc, TransactionalPoster poster) {
      this.jdbc = jdbc;
      this.poster = poster;
      jdbc.execute(
          "CREATE TABLE IF NOT EXISTS greetings_spring_outage (id VARCHAR(64) PRIMARY KEY,"
              + " name TEXT NOT NULL)");
    }

    @Transactional
    public void add(String name) {
      Id id = Id.random();
      jdbc.update("INSERT INTO greetings_spring_outage (id, name) VALUES (?, ?)", id.value(), name);
      poster.post(new GreetingAdded(id, name));
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TransactionalOutboxIT.database(registry);
    registry.add("spring.rabbitmq.port", RABBIT::port);
  }

  @AfterAll
  static void closeTheProxy() {
    RABBIT.close();
  }

  @Autowired Greetings greetings;
  @Autowired Received received;
  @Autowired RabbitMqHealthIndicator rabbitHealth;
  @Autowired DispatcherHealthIndicator dispatcherHealth;

  @Test
  void a_post_during_an_outage_returns_at_once_and_its_message_arrives_after_the_broker_returns() {
    // given: the broker up, one greeting through
    greetings.add("Before");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(received.names).contains("consumed Before"));

    try {
      // when: the broker goes away
      RABBIT.cut();
      long start = System.nanoTime();
      greetings.add("During");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // then: the caller did not wait for it
      assertThat(took).isLessThan(Duration.ofMillis(100));
      // and health tells the broker is away and the dispatcher's channel fails
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(rabbitHealth.health(true).getStatus()).isEqualTo(Status.DOWN);
                assertThat(dispatcherHealth.health(true).getDetails())
                    .containsEntry("dispatcher", "DEGRADED")
                    .hasEntrySatisfying(
                        "message",
                        message -> assertThat(message.toString()).contains("channel is failing"));
              });
    } finally {
      RABBIT.restore();
    }

    // and the message arrives once it is back, and health is up again
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(received.names).contains("consumed During"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(rabbitHealth.health(true).getStatus()).isEqualTo(Status.UP);
              assertThat(dispatcherHealth.health(true).getDetails())
                  .containsEntry("dispatcher", "HEALTHY");
            });
  }
}
