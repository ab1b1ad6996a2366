package io.brighter.spring.boot;

import io.brighter.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SendAfterCommitOutageScenario} on RabbitMQ: a proxy between the application and the
 * loopback broker drops every connection while the broker is away.
 */
@SpringBootTest(
    classes = SendAfterCommitOutageScenario.App.class,
    properties = {
      "test.greetings-table=greetings_spring_outage",
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
class SendAfterCommitOutageIT extends SendAfterCommitOutageScenario {

  private static final TcpProxy RABBIT = TcpProxy.to("127.0.0.1", 5672);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TransactionalOutboxIT.database(registry);
    registry.add("spring.rabbitmq.port", RABBIT::port);
  }

  @AfterAll
  static void closeTheProxy() {
    RABBIT.close();
  }

  @Autowired RabbitMqHealthIndicator rabbitHealth;

  @Override
  void brokerAway() {
    RABBIT.cut();
  }

  @Override
  void brokerBack() {
    RABBIT.restore();
  }

  @Override
  HealthIndicator brokerHealth() {
    return rabbitHealth;
  }
}
