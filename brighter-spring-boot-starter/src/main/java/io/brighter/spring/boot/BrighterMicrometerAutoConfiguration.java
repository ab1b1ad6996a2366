package io.brighter.spring.boot;

import io.brighter.micrometer.MicrometerMessagingMetrics;
import io.brighter.micrometer.OutboxMetrics;
import io.brighter.observability.MessagingMetrics;
import io.brighter.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics, when {@code brighter-micrometer} is on the class path and the application has
 * a {@link MeterRegistry}: the command processor's and the dispatcher's {@link MessagingMetrics}
 * counters and timer, and the outbox gauges ({@link OutboxMetrics}, bound to the registry by Spring
 * Boot's metrics support).
 */
@AutoConfiguration(
    after = BrighterOutboxAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, MicrometerMessagingMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class BrighterMicrometerAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterMicrometerAutoConfiguration() {}

  /** Messages sent, failed, consumed and settled, and their processing time. */
  @Bean
  @ConditionalOnMissingBean
  public MessagingMetrics brighterMessagingMetrics(MeterRegistry registry) {
    return new MicrometerMessagingMetrics(registry);
  }

  /** The outbox's outstanding messages and the age of the oldest, tagged {@code outbox=outbox}. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(Outbox.class)
  public OutboxMetrics brighterOutboxMetrics(Outbox outbox) {
    return new OutboxMetrics(outbox, "outbox");
  }
}
