package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.messaging.Subscription;
import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqMessageProducer;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Scope;

/**
 * The RabbitMQ transport from properties alone, on the loopback broker: an application with only
 * Spring Boot's {@code spring.rabbitmq.*}, {@code brighter.rabbitmq.*} publications and
 * subscriptions, and a handler bean, posts an event and handles it; no transport beans.
 */
class BrighterRabbitMqAutoConfigurationIT {

  /** An event read through a subscription declared on its handler. */
  record Welcomed(Id id, String name) implements Event {}

  /** Records each welcome; subscribed by annotation, with no subscription bean or property. */
  @Subscribe(
      topic = "spring.subscribed.welcome",
      channel = "spring-subscribed-welcomer",
      transport = Subscribe.Transport.RABBITMQ)
  @Scope("prototype")
  static final class WelcomedHandler extends RequestHandler<Welcomed> {
    private final Received received;

    WelcomedHandler(Received received) {
      this.received = received;
    }

    @Override
    public Welcomed handle(Welcomed event) {
      received.names.add("welcomed " + event.name());
      return super.handle(event);
    }
  }

  /** The same handler, left to pick the transport while two are on the class path. */
  @Subscribe(topic = "spring.subscribed.ambiguous")
  @Scope("prototype")
  static final class AmbiguousHandler extends RequestHandler<Welcomed> {}

  private static final AutoConfigurations BRIGHTER =
      AutoConfigurations.of(
          BrighterRabbitMqAutoConfiguration.class,
          BrighterOutboxAutoConfiguration.class,
          BrighterAutoConfiguration.class);

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(BRIGHTER)
          .withBean(Received.class)
          .withUserConfiguration(GreetingAddedHandler.class)
          .withPropertyValues(
              "spring.rabbitmq.host=127.0.0.1",
              "spring.rabbitmq.port=5672",
              "spring.rabbitmq.username=guest",
              "spring.rabbitmq.password=guest",
              "brighter.sweeper.enabled=false");

  private static String unique(String prefix) {
    return prefix + "." + Id.random().value().substring(0, 8);
  }

  @Test
  void anEventPostedFromPropertiesReachesItsHandler() {
    String topic = unique("spring.greeting");
    runner
        .withPropertyValues(
            "brighter.rabbitmq.exchange=" + unique("spring.exchange"),
            "brighter.rabbitmq.publications[0].topic=" + topic,
            "brighter.rabbitmq.publications[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.rabbitmq.subscriptions[0].name=" + topic,
            "brighter.rabbitmq.subscriptions[0].routing-key=" + topic,
            "brighter.rabbitmq.subscriptions[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.rabbitmq.subscriptions[0].durable=false",
            "brighter.rabbitmq.subscriptions[0].timeout=200ms")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(RmqMessageProducer.class);
              assertThat(context.getBean(Subscription.class).name()).isEqualTo(topic);
              assertThat(context).hasSingleBean(Dispatcher.class);

              // the queue is declared and bound when the pump starts: post until it is there
              CommandProcessor processor = context.getBean(CommandProcessor.class);
              await()
                  .atMost(Duration.ofSeconds(20))
                  .pollInterval(Duration.ofMillis(500))
                  .ignoreExceptions()
                  .untilAsserted(
                      () -> {
                        if (!context.getBean(Received.class).names.contains("consumed Ada")) {
                          processor.post(new GreetingAdded(Id.random(), "Ada"));
                        }
                        assertThat(context.getBean(Received.class).names).contains("consumed Ada");
                      });
            });
  }

  @Test
  void aHandlerSubscribedByAnnotationGetsItsEvents() {
    runner
        .withUserConfiguration(WelcomedHandler.class)
        .withPropertyValues(
            // fixed: the annotation fixes the durable queue, whose dead-letter exchange follows it
            "brighter.rabbitmq.exchange=spring.subscribed.tests",
            "brighter.rabbitmq.publications[0].topic=spring.subscribed.welcome",
            "brighter.rabbitmq.publications[0].request-type=" + Welcomed.class.getName())
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(Dispatcher.class);
              assertThat(context.getBean(Subscription.class).channelName())
                  .isEqualTo("spring-subscribed-welcomer");

              // the queue is declared and bound when the pump starts: post until it is there
              CommandProcessor processor = context.getBean(CommandProcessor.class);
              await()
                  .atMost(Duration.ofSeconds(20))
                  .pollInterval(Duration.ofMillis(500))
                  .ignoreExceptions()
                  .untilAsserted(
                      () -> {
                        if (!context.getBean(Received.class).names.contains("welcomed Cy")) {
                          processor.post(new Welcomed(Id.random(), "Cy"));
                        }
                        assertThat(context.getBean(Received.class).names).contains("welcomed Cy");
                      });
            });
  }

  @Test
  void aSubscribedHandlerMustNameItsTransportWhenSeveralAreOnTheClassPath() {
    runner
        .withUserConfiguration(AmbiguousHandler.class)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("must name its transport"));
  }

  @Test
  void theBrokerIsSpringBootsOwnRabbitMqSettings() {
    new ApplicationContextRunner()
        .withConfiguration(BRIGHTER)
        .withPropertyValues(
            "spring.rabbitmq.host=rabbit.internal",
            "spring.rabbitmq.port=5673",
            "spring.rabbitmq.username=orders",
            "spring.rabbitmq.password=s3cret/+",
            "spring.rabbitmq.virtual-host=shop",
            "brighter.rabbitmq.exchange=orders",
            "brighter.rabbitmq.exchange-type=topic",
            "brighter.rabbitmq.connection-retry.retry-count=5",
            "brighter.rabbitmq.connection-retry.circuit-break-time=10s")
        .run(
            context -> {
              RmqConnection connection = context.getBean(RmqConnection.class);
              assertThat(connection.uri())
                  .isEqualTo(URI.create("amqp://orders:s3cret%2F%2B@rabbit.internal:5673/shop"));
              assertThat(connection.exchange().name()).isEqualTo("orders");
              assertThat(connection.exchange().type()).isEqualTo("topic");
              assertThat(connection.retry().retryCount()).isEqualTo(5);
              assertThat(connection.retry().retryWait()).isEqualTo(Duration.ofSeconds(1));
              assertThat(connection.retry().circuitBreakTime()).isEqualTo(Duration.ofSeconds(10));
            });
  }

  @Test
  void springBootsAddressesAndTlsAreTaken() {
    new ApplicationContextRunner()
        .withConfiguration(BRIGHTER)
        .withPropertyValues(
            "spring.rabbitmq.addresses=node-1:5671,node-2:5671", "spring.rabbitmq.ssl.enabled=true")
        .run(
            context ->
                assertThat(context.getBean(RmqConnection.class).uri())
                    .isEqualTo(URI.create("amqps://guest:guest@node-1:5671/%2F")));
  }

  @Test
  void withoutPublicationsOrSubscriptionsNothingOfRabbitMqIsMade() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(RmqMessageProducer.class);
          assertThat(context).doesNotHaveBean(Dispatcher.class);
        });
  }

  @Test
  void aSubscriptionWithoutARoutingKeyFailsTheStartNamingTheProperty() {
    runner
        .withPropertyValues(
            "brighter.rabbitmq.subscriptions[0].name=greeter",
            "brighter.rabbitmq.subscriptions[0].request-type=" + GreetingAdded.class.getName())
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining(
                        ConfigurationException.class.getName()
                            + ": brighter.rabbitmq.subscriptions[0].routing-key must be set"));
  }
}
