package io.brighter.spring.boot;

import io.brighter.kafka.KafkaConfiguration;
import io.brighter.kafka.KafkaMessageProducer;
import io.brighter.outbox.Outbox;
import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqMessageProducer;
import io.brighter.serviceactivator.Dispatcher;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Health indicators of the dispatcher ({@code brighterDispatcher}), the outbox ({@code
 * brighterOutbox}) and, when the application uses them, the RabbitMQ broker ({@code
 * brighterRabbitMq}) and the Kafka cluster ({@code brighterKafka}), when Spring Boot's health
 * support is on the class path; {@code management.health.brighter.enabled=false} turns them all
 * off.
 */
@AutoConfiguration(after = BrighterAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class BrighterHealthAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterHealthAutoConfiguration() {}

  // Nested, so that the health module's condition is read only when that module is present.
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnEnabledHealthIndicator("brighter")
  static class Indicators {

    /** Whether the dispatcher's pumps run. */
    @Bean
    @ConditionalOnBean(Dispatcher.class)
    @ConditionalOnMissingBean(name = "brighterDispatcherHealthIndicator")
    DispatcherHealthIndicator brighterDispatcherHealthIndicator(Dispatcher dispatcher) {
      return new DispatcherHealthIndicator(dispatcher);
    }

    /** The outbox's backlog. */
    @Bean
    @ConditionalOnBean(Outbox.class)
    @ConditionalOnMissingBean(name = "brighterOutboxHealthIndicator")
    OutboxHealthIndicator brighterOutboxHealthIndicator(
        Outbox outbox, BrighterProperties properties) {
      Duration maxAge = properties.health().outboxMaxAge();
      return new OutboxHealthIndicator(outbox, maxAge.isZero() ? null : maxAge, Clock.systemUTC());
    }
  }

  // Nested, so that the RabbitMQ classes are read only when brighter-rabbitmq is present.
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RmqConnection.class)
  @ConditionalOnEnabledHealthIndicator("brighter")
  static class RabbitMqIndicator {

    /** Whether the RabbitMQ broker answers, when the application sends or reads through it. */
    @Bean
    @Conditional(RabbitMqInUse.class)
    @ConditionalOnMissingBean(name = "brighterRabbitMqHealthIndicator")
    RabbitMqHealthIndicator brighterRabbitMqHealthIndicator(RmqConnection connection) {
      return new RabbitMqHealthIndicator(connection);
    }
  }

  // Nested, so that the Kafka classes are read only when brighter-kafka is present.
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(KafkaConfiguration.class)
  @ConditionalOnEnabledHealthIndicator("brighter")
  static class KafkaIndicator {

    /** Whether the Kafka cluster answers, when the application sends or reads through it. */
    @Bean
    @Conditional(KafkaInUse.class)
    @ConditionalOnMissingBean(name = "brighterKafkaHealthIndicator")
    KafkaHealthIndicator brighterKafkaHealthIndicator(KafkaConfiguration configuration) {
      return new KafkaHealthIndicator(configuration);
    }
  }

  /** Kafka is in use: a Kafka producer bean, or subscriptions under brighter.kafka. */
  static final class KafkaInUse extends AnyNestedCondition {
    KafkaInUse() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(KafkaMessageProducer.class)
    static final class Producers {}

    @ConditionalOnProperty("brighter.kafka.subscriptions[0].name")
    static final class Subscriptions {}
  }

  /** RabbitMQ is in use: a RabbitMQ producer bean, or subscriptions under brighter.rabbitmq. */
  static final class RabbitMqInUse extends AnyNestedCondition {
    RabbitMqInUse() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(RmqMessageProducer.class)
    static final class Producers {}

    @ConditionalOnProperty("brighter.rabbitmq.subscriptions[0].name")
    static final class Subscriptions {}
  }
}
