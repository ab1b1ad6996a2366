package io.brighter.spring.boot;

import io.brighter.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SendAfterCommitOutageScenario} on Kafka: a broker of this test's own is stopped, and
 * started again on the same ports and data.
 */
@SpringBootTest(
    classes = SendAfterCommitOutageScenario.App.class,
    properties = {
      "test.greetings-table=greetings_spring_kafka_outage",
      "brighter.outbox.table-name=outbox_spring_kafka_outage",
      "brighter.sweeper.minimum-age=1s",
      "brighter.sweeper.interval=200ms",
      "brighter.kafka.publications[0].topic=spring.kafka.outage.greeting",
      "brighter.kafka.publications[0].request-type=io.brighter.spring.boot.Fixtures$GreetingAdded",
      "brighter.kafka.subscriptions[0].name=spring-kafka-outage-greetings",
      "brighter.kafka.subscriptions[0].routing-key=spring.kafka.outage.greeting",
      "brighter.kafka.subscriptions[0].request-type=io.brighter.spring.boot.Fixtures$GreetingAdded",
      "brighter.kafka.subscriptions[0].timeout=200ms"
    })
class KafkaSendAfterCommitOutageIT extends SendAfterCommitOutageScenario {

  // A broker of its own: the run's shared broker serves other tests and cannot be stopped.
  private static final EmbeddedKafkaBroker KAFKA =
      EmbeddedKafkaBroker.start(Path.of("target", "kafka-outage"));

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TransactionalOutboxIT.database(registry);
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
  }

  @AfterAll
  static void stopTheBroker() {
    KAFKA.close();
  }

  @Autowired KafkaHealthIndicator kafkaHealth;

  @Override
  void brokerAway() {
    KAFKA.stop();
  }

  @Override
  void brokerBack() {
    KAFKA.restart();
  }

  @Override
  HealthIndicator brokerHealth() {
    return kafkaHealth;
  }
}
