package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.kafka.EmbeddedKafkaBroker;
import io.brighter.kafka.KafkaChannelFactory;
import io.brighter.kafka.KafkaConfiguration;
import io.brighter.kafka.KafkaMessageProducer;
import io.brighter.kafka.KafkaSubscription;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Scope;

/**
 * The Kafka transport from properties alone, on the run's Kafka broker: an application with only
 * Spring Boot's {@code spring.kafka.bootstrap-servers}, {@code brighter.kafka.*} publications and
 * subscriptions, and a handler bean, posts an event and handles it; no transport beans.
 */
class BrighterKafkaAutoConfigurationIT {

  /** An event read through a subscription declared on its handler. */
  record Joined(Id id, String name) implements Event {}

  /** Records each join; subscribed by annotation, with no subscription bean or property. */
  @Subscribe(
      topic = "spring.kafka.subscribed.joined",
      channel = "spring-kafka-joiners",
      transport = Subscribe.Transport.KAFKA)
  @Scope("prototype")
  static final class JoinedHandler extends RequestHandler<Joined> {
    private final Received received;

    JoinedHandler(Received received) {
      this.received = received;
    }

    @Override
    public Joined handle(Joined event) {
      received.names.add("joined " + event.name());
      return super.handle(event);
    }
  }

  private static final AutoConfigurations BRIGHTER =
      AutoConfigurations.of(
          BrighterKafkaAutoConfiguration.class,
          BrighterOutboxAutoConfiguration.class,
          BrighterAutoConfiguration.class,
          BrighterHealthAutoConfiguration.class);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(BRIGHTER)
          .withBean(Received.class)
          .withUserConfiguration(GreetingAddedHandler.class)
          .withPropertyValues(
              "spring.kafka.bootstrap-servers=" + EmbeddedKafkaBroker.shared().bootstrapServers(),
              "brighter.sweeper.enabled=false");

  private static String unique(String prefix) {
    return prefix + "." + Id.random().value().substring(0, 8);
  }

  @Test
  void anEventPostedFromPropertiesReachesItsHandler() {
    String topic = unique("spring.kafka.greeting");
    runner
        .withPropertyValues(
            "brighter.kafka.publications[0].topic=" + topic,
            "brighter.kafka.publications[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.kafka.subscriptions[0].name=" + topic,
            "brighter.kafka.subscriptions[0].routing-key=" + topic,
            "brighter.kafka.subscriptions[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.kafka.subscriptions[0].timeout=200ms")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(KafkaMessageProducer.class);
              assertThat(context.getBean(Subscription.class).name()).isEqualTo(topic);
              assertThat(context).hasSingleBean(Dispatcher.class);

              // a new group reads from the earliest offset: one post is enough
              context.getBean(CommandProcessor.class).post(new GreetingAdded(Id.random(), "Ada"));
              await()
                  .atMost(Duration.ofSeconds(30))
                  .untilAsserted(
                      () ->
                          assertThat(context.getBean(Received.class).names)
                              .containsExactly("consumed Ada"));
              assertThat(
                      context
                          .getBean("brighterKafkaHealthIndicator", KafkaHealthIndicator.class)
                          .health(true)
                          .getStatus())
                  .isEqualTo(Status.UP);
            });
  }

  @Test
  void aHandlerSubscribedByAnnotationGetsItsEvents() {
    runner
        .withUserConfiguration(JoinedHandler.class)
        .withPropertyValues(
            "brighter.kafka.publications[0].topic=spring.kafka.subscribed.joined",
            "brighter.kafka.publications[0].request-type=" + Joined.class.getName())
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Dispatcher.class);
              assertThat(context.getBean(Subscription.class).channelName())
                  .isEqualTo("spring-kafka-joiners");

              // the group may have read earlier runs' events: this run's name tells its own
              String name = "Cy " + Id.random().value().substring(0, 8);
              context.getBean(CommandProcessor.class).post(new Joined(Id.random(), name));
              await()
                  .atMost(Duration.ofSeconds(30))
                  .untilAsserted(
                      () ->
                          assertThat(context.getBean(Received.class).names)
                              .contains("joined " + name));
            });
  }

  @Test
  void theClusterIsSpringBootsOwnKafkaSettings() {
    new ApplicationContextRunner()
        .withConfiguration(BRIGHTER)
        .withPropertyValues(
            "spring.kafka.bootstrap-servers=kafka-1:9092,kafka-2:9092",
            "spring.kafka.client-id=orders",
            "spring.kafka.security.protocol=SASL_SSL",
            "spring.kafka.properties.sasl.mechanism=PLAIN",
            "spring.kafka.properties.request.timeout.ms=20000",
            "brighter.kafka.properties[request.timeout.ms]=15000",
            "spring.kafka.consumer.auto-offset-reset=latest",
            "brighter.kafka.subscriptions[0].name=orders",
            "brighter.kafka.subscriptions[0].routing-key=order.placed",
            "brighter.kafka.subscriptions[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.kafka.subscriptions[0].group-id=order-service",
            "brighter.kafka.subscriptions[0].commit-batch-size=50",
            "brighter.dispatcher.enabled=false")
        .run(
            context -> {
              KafkaConfiguration kafka = context.getBean(KafkaConfiguration.class);
              assertThat(kafka.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
              assertThat(kafka.clientId()).isEqualTo("orders");
              assertThat(kafka.properties())
                  .isEqualTo(
                      Map.of(
                          "security.protocol", "SASL_SSL",
                          "sasl.mechanism", "PLAIN",
                          "request.timeout.ms", "15000"));
              KafkaSubscription settings =
                  ((KafkaChannelFactory) context.getBean(Subscription.class).channelFactory())
                      .settings();
              assertThat(settings.groupId()).isEqualTo("order-service");
              assertThat(settings.offsetReset()).isEqualTo(KafkaSubscription.OffsetReset.LATEST);
              assertThat(settings.commitBatchSize()).isEqualTo(50);
            });
  }

  @Test
  void withoutSpringBootsSettingsTheClusterIsLocalhost() {
    new ApplicationContextRunner()
        .withConfiguration(BRIGHTER)
        .run(
            context -> {
              KafkaConfiguration kafka = context.getBean(KafkaConfiguration.class);
              assertThat(kafka.bootstrapServers()).isEqualTo("localhost:9092");
              assertThat(kafka.clientId()).isEqualTo("brighter");
              assertThat(context).doesNotHaveBean(KafkaMessageProducer.class);
              assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class);
            });
  }

  @Test
  void aSubscriptionWithoutARequestTypeFailsTheStartNamingTheProperty() {
    runner
        .withPropertyValues(
            "brighter.kafka.subscriptions[0].name=greeter",
            "brighter.kafka.subscriptions[0].routing-key=greeting.added")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining(
                        ConfigurationException.class.getName()
                            + ": brighter.kafka.subscriptions[0].request-type must be set"));
  }
}
