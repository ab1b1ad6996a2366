package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.micrometer.MicrometerMessagingMetrics;
import io.brighter.micrometer.OutboxMetrics;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.outbox.Outbox;
import io.brighter.spring.boot.Fixtures.AddGreeting;
import io.brighter.spring.boot.Fixtures.AddGreetingHandler;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

/** Metrics, tracing and health of the auto-configured parts. */
class BrighterObservabilityAutoConfigurationTest {

  private final InMemoryBus bus = new InMemoryBus();

  /** An application that sends and consumes {@link GreetingAdded}; the sweeper stays off. */
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(BrighterAutoConfigurationTest.BRIGHTER)
          .withBean(Received.class)
          .withUserConfiguration(AddGreetingHandler.class, GreetingAddedHandler.class)
          .withBean(InMemoryBus.class, () -> bus)
          .withBean("greetingProducer", MessageProducer.class, () -> Fixtures.producer(bus))
          .withBean("greetings", Subscription.class, () -> Fixtures.subscription(bus))
          .withPropertyValues("brighter.sweeper.enabled=false");

  @Nested
  class Metrics {

    private final ApplicationContextRunner withMicrometer =
        runner.withConfiguration(
            AutoConfigurations.of(
                MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class));

    @Test
    void a_meter_registry_gets_the_message_counters_and_the_outbox_gauges() {
      withMicrometer.run(
          context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            CommandProcessor commandProcessor = context.getBean(CommandProcessor.class);

            commandProcessor.post(new GreetingAdded(Id.random(), "Ada"));
            commandProcessor.depositPost(new GreetingAdded(Id.random(), "Grace"));

            assertThat(context.getBean(MessagingMetrics.class))
                .isInstanceOf(MicrometerMessagingMetrics.class);
            assertThat(context).hasSingleBean(OutboxMetrics.class);
            assertThat(registry.get(MicrometerMessagingMetrics.SENT).counter().count())
                .isEqualTo(1);
            assertThat(registry.get(OutboxMetrics.OUTSTANDING).gauge().value()).isEqualTo(1);
            await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                    () ->
                        assertThat(
                                registry.get(MicrometerMessagingMetrics.CONSUMED).counter().count())
                            .isEqualTo(1));
          });
    }

    @Test
    void without_a_meter_registry_there_are_no_metrics_beans() {
      runner.run(
          context ->
              assertThat(context)
                  .doesNotHaveBean(MessagingMetrics.class)
                  .doesNotHaveBean(OutboxMetrics.class));
    }
  }

  @Nested
  class Tracing {

    @Test
    void an_open_telemetry_bean_traces_the_processor_and_the_dispatcher() {
      InMemorySpanExporter spans = InMemorySpanExporter.create();
      OpenTelemetry openTelemetry =
          OpenTelemetrySdk.builder()
              .setTracerProvider(
                  SdkTracerProvider.builder()
                      .addSpanProcessor(SimpleSpanProcessor.create(spans))
                      .build())
              .build();
      runner
          .withBean(OpenTelemetry.class, () -> openTelemetry)
          .run(
              context -> {
                CommandProcessor commandProcessor = context.getBean(CommandProcessor.class);

                commandProcessor.send(new AddGreeting(Id.random(), "Ada"));
                commandProcessor.post(new GreetingAdded(Id.random(), "Grace"));

                assertThat(context.getBean(BrighterTracer.class).enabled()).isTrue();
                await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                        () ->
                            assertThat(spans.getFinishedSpanItems())
                                .extracting(SpanData::getName)
                                .contains(
                                    "AddGreeting send",
                                    "GreetingAdded post",
                                    Fixtures.TOPIC.value() + " process"));
              });
    }

    @Test
    void without_open_telemetry_there_is_no_tracer_bean() {
      runner.run(context -> assertThat(context).doesNotHaveBean(BrighterTracer.class));
    }
  }

  @Nested
  class HealthIndicators {

    @Test
    void the_dispatcher_is_up_while_its_pumps_run_and_down_once_stopped() {
      runner.run(
          context -> {
            DispatcherHealthIndicator indicator = context.getBean(DispatcherHealthIndicator.class);

            Health running = indicator.health();
            context.getBean("brighterDispatcherLifecycle", SmartLifecycle.class).stop();
            Health stopped = indicator.health();

            assertThat(running.getStatus()).isEqualTo(Status.UP);
            assertThat(running.getDetails()).containsEntry("dispatcher", "HEALTHY");
            assertThat(stopped.getStatus()).isEqualTo(Status.DOWN);
            assertThat(stopped.getDetails())
                .containsEntry("dispatcher", "UNHEALTHY")
                .containsEntry("message", "greetings has 0 of 1 expected consumers");
          });
    }

    @Test
    void the_outbox_reports_its_outstanding_messages_and_the_age_of_the_oldest() {
      runner.run(
          context -> {
            context
                .getBean(CommandProcessor.class)
                .depositPost(new GreetingAdded(Id.random(), "Ada"));

            Health health = context.getBean(OutboxHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("outstanding", 1L);
            assertThat(Duration.parse((String) health.getDetails().get("oldestAge")))
                .isGreaterThanOrEqualTo(Duration.ZERO)
                .isLessThan(Duration.ofMinutes(1));
          });
    }

    @Test
    void the_outbox_is_down_when_its_oldest_message_is_older_than_the_maximum_age() {
      runner
          .withPropertyValues("brighter.health.outbox-max-age=10ms")
          .run(
              context -> {
                OutboxHealthIndicator indicator = context.getBean(OutboxHealthIndicator.class);
                Status empty = indicator.health().getStatus();

                context
                    .getBean(CommandProcessor.class)
                    .depositPost(new GreetingAdded(Id.random(), "Ada"));

                assertThat(empty).isEqualTo(Status.UP);
                await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                        () -> assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN));
              });
    }

    @Test
    void the_outbox_is_down_when_its_database_cannot_be_reached() {
      PGSimpleDataSource unreachable = new PGSimpleDataSource();
      unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/test");
      runner
          .withBean(DataSource.class, () -> unreachable)
          .withPropertyValues(
              "brighter.outbox.dialect=postgres", "brighter.outbox.create-table=false")
          .run(
              context -> {
                Health health = context.getBean(OutboxHealthIndicator.class).health();

                assertThat(context.getBean(Outbox.class)).isInstanceOf(JdbcOutbox.class);
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsKey("error");
              });
    }

    @Test
    void management_health_brighter_enabled_false_leaves_the_indicators_out() {
      runner
          .withPropertyValues("management.health.brighter.enabled=false")
          .run(
              context ->
                  assertThat(context)
                      .doesNotHaveBean(DispatcherHealthIndicator.class)
                      .doesNotHaveBean(OutboxHealthIndicator.class));
    }
  }
}
