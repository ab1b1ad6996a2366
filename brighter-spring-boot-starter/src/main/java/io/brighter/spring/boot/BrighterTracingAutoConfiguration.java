package io.brighter.spring.boot;

import io.brighter.observability.BrighterTracer;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Tracing, when the application has an {@link OpenTelemetry} bean (its own, or Spring Boot's
 * OpenTelemetry support's): a {@link BrighterTracer} for the command processor and the dispatcher.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnBean(OpenTelemetry.class)
public class BrighterTracingAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterTracingAutoConfiguration() {}

  /** Spans of the processor, the outbox, the producers and the pumps. */
  @Bean
  @ConditionalOnMissingBean
  public BrighterTracer brighterTracer(OpenTelemetry openTelemetry) {
    return BrighterTracer.of(openTelemetry);
  }
}
