package io.brighter.spring.boot;

import io.brighter.outbox.Outbox;
import io.brighter.serviceactivator.Dispatcher;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health indicators of the dispatcher ({@code brighterDispatcher}) and the outbox ({@code
 * brighterOutbox}), when Spring Boot's health support is on the class path; {@code
 * management.health.brighter.enabled=false} turns both off.
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
      return new OutboxHealthIndicator(
          outbox, properties.health().outboxMaxAge(), Clock.systemUTC());
    }
  }
}
