package io.brighter.spring.boot;

import static io.brighter.spring.boot.Fixtures.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.outbox.Outbox;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a {@code @Transactional} service sees when it writes a business row and deposits a message
 * in one Spring transaction on the loopback PostgreSQL: after a commit both exist and the message
 * reaches a dispatcher-consumed handler bean through the in-memory bus; after an exception neither
 * exists and nothing is sent. Subclasses supply the service (plain JDBC with the sweeper sending,
 * JPA with the {@link TransactionalPoster} sending after the commit), the Spring Boot application
 * around it and their own tables.
 *
 * <p>The database comes from {@code brighter.jdbc.postgres.url} / {@code
 * BRIGHTER_JDBC_POSTGRES_URL} (and {@code .user}, {@code .password}), else the loopback default.
 */
abstract class TransactionalOutboxIT {

  /** The business code under test: writes a greeting and deposits {@code GreetingAdded}. */
  interface Greetings {

    /** Saves the greeting and deposits its event in one transaction; fails after both if asked. */
    void add(Id id, String name, boolean fail);

    /** Whether the greeting's row exists. */
    boolean exists(Id id);
  }

  /** Thrown by {@link Greetings#add} when asked to fail. */
  static final class GreetingRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GreetingRefused() {
      super("greeting refused");
    }
  }

  /** The messaging both applications share: a producer and a subscription on one bus. */
  @Configuration(proxyBeanMethods = false)
  @Import({Received.class, GreetingAddedHandler.class})
  static class Messaging {
    @Bean
    InMemoryBus bus() {
      return new InMemoryBus();
    }

    @Bean
    MessageProducer greetingProducer(InMemoryBus bus) {
      return Fixtures.producer(bus);
    }

    @Bean
    Subscription greetings(InMemoryBus bus) {
      return Fixtures.subscription(bus);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> setting("url", "jdbc:postgresql://127.0.0.1:5432/test"));
    registry.add("spring.datasource.username", () -> setting("user", "postgres"));
    registry.add("spring.datasource.password", () -> setting("password", ""));
  }

  private static String setting(String name, String fallback) {
    String property = System.getProperty("brighter.jdbc.postgres." + name);
    if (property != null) {
      return property;
    }
    String env = System.getenv("BRIGHTER_JDBC_POSTGRES_" + name.toUpperCase(Locale.ROOT));
    return env != null ? env : fallback;
  }

  @Autowired Greetings greetings;
  @Autowired Outbox outbox;
  @Autowired InMemoryBus bus;
  @Autowired Received received;
  @Autowired OutboxHealthIndicator outboxHealth;

  @Test
  void on_commit_the_row_and_the_message_exist_and_the_handler_receives_the_message() {
    Id id = Id.random();
    String name = "Ada " + id.value();

    greetings.add(id, name, false);

    assertThat(greetings.exists(id)).isTrue();
    assertThat(outbox.get(id).header().messageType()).isEqualTo(MessageType.EVENT);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(received.names).contains("consumed " + name));
  }

  @Test
  void on_an_exception_neither_the_row_nor_the_message_exists_and_nothing_is_sent() {
    Id refused = Id.random();
    Id accepted = Id.random();

    assertThatThrownBy(() -> greetings.add(refused, "Refused", true))
        .isInstanceOf(GreetingRefused.class);
    // A later greeting's delivery shows that messages flowed after the rollback.
    greetings.add(accepted, "Accepted " + accepted.value(), false);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(received.names).contains("consumed Accepted " + accepted.value()));

    assertThat(greetings.exists(refused)).isFalse();
    assertThat(outbox.get(refused).header().messageType()).isEqualTo(MessageType.NONE);
    assertThat(bus.stream(TOPIC)).extracting(Message::id).doesNotContain(refused);
  }

  @Test
  void the_outbox_health_reports_the_database_outbox() {
    Health health = outboxHealth.health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsKeys("outstanding", "oldestAge");
  }
}
