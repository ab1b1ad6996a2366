package io.brighter.spring.boot;

import static io.brighter.spring.boot.Fixtures.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.Subscription;
import io.brighter.outbox.Outbox;
import io.brighter.rabbitmq.RmqChannelFactory;
import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqExchange;
import io.brighter.rabbitmq.RmqMessageProducer;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import io.brighter.spring.boot.TransactionalOutboxIT.GreetingRefused;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * The starter on real infrastructure end to end: a {@code @Transactional} service on PostgreSQL
 * deposits in Spring's transaction, the auto-configured sweeper publishes to RabbitMQ through a
 * producer bean with publisher confirms, and the auto-configured dispatcher consumes the queue of a
 * subscription bean into a handler bean. A rolled-back deposit never reaches the broker. RabbitMQ
 * is the loopback broker ({@code BRIGHTER_RABBITMQ_URI}, default guest/guest).
 */
@SpringBootTest(
    classes = RabbitMqTransactionalOutboxIT.App.class,
    properties = {
      "brighter.outbox.table-name=outbox_spring_rabbitmq",
      "brighter.sweeper.minimum-age=0s",
      "brighter.sweeper.interval=50ms"
    })
class RabbitMqTransactionalOutboxIT {

  private static final String QUEUE = "spring-starter-" + Id.random();

  @SpringBootConfiguration
  @EnableAutoConfiguration(
      excludeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"
      })
  @Import({Received.class, GreetingAddedHandler.class, Greetings.class})
  static class App {
    @Bean
    RmqConnection rabbit() {
      String uri = System.getenv("BRIGHTER_RABBITMQ_URI");
      return RmqConnection.builder()
          .uri(URI.create(uri == null ? "amqp://guest:guest@127.0.0.1:5672" : uri))
          .exchange(RmqExchange.direct("spring.starter.tests"))
          .build();
    }

    @Bean
    MessageProducer greetingProducer(RmqConnection rabbit) {
      return new RmqMessageProducer(
          rabbit, Publication.builder().topic(TOPIC).requestType(GreetingAdded.class).build());
    }

    @Bean
    Subscription greetings(RmqConnection rabbit) {
      return Subscription.builder()
          .name("greetings")
          .channelName(QUEUE)
          .routingKey(TOPIC)
          .requestType(GreetingAdded.class)
          .channelFactory(new RmqChannelFactory(rabbit))
          .build();
    }
  }

  /** Saves a greeting with JdbcTemplate and deposits its event in the same transaction. */
  @Service
  static class Greetings {
    private final JdbcTemplate jdbc;
    private final CommandProcessor commandProcessor;
    private final SpringTransactionProvider transaction;

    Greetings(
        JdbcTemplate jdbc,
        CommandProcessor commandProcessor,
        SpringTransactionProvider transaction) {
      this.jdbc = jdbc;
      this.commandProcessor = commandProcessor;
      this.transaction = transaction;
      jdbc.execute(
          "CREATE TABLE IF NOT EXISTS greetings_spring_rabbitmq (id VARCHAR(64) PRIMARY KEY,"
              + " name TEXT NOT NULL)");
    }

    @Transactional
    public void add(Id id, String name, boolean fail) {
      jdbc.update(
          "INSERT INTO greetings_spring_rabbitmq (id, name) VALUES (?, ?)", id.value(), name);
      commandProcessor.depositPost(new GreetingAdded(id, name), transaction);
      if (fail) {
        throw new GreetingRefused();
      }
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TransactionalOutboxIT.database(registry);
  }

  @Autowired Greetings greetings;
  @Autowired Outbox outbox;
  @Autowired Received received;

  @Test
  void a_committed_deposit_goes_through_rabbitmq_to_the_handler_and_a_rolled_back_one_never() {
    // given
    Id refused = Id.random();
    Id accepted = Id.random();

    // when
    assertThatThrownBy(() -> greetings.add(refused, "Refused " + refused.value(), true))
        .isInstanceOf(GreetingRefused.class);
    greetings.add(accepted, "Accepted " + accepted.value(), false);

    // then
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(received.names).contains("consumed Accepted " + accepted.value()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(outbox.outstandingCount()).isZero());
    assertThat(received.names).doesNotContain("consumed Refused " + refused.value());
  }
}
