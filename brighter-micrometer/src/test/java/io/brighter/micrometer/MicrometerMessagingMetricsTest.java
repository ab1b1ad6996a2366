package io.brighter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.actions.DeferMessageAction;
import io.brighter.actions.RejectMessageAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicrometerMessagingMetricsTest {

  record GreetingMade(Id id, String greeting) implements Event {}

  /** Acknowledges "ok", rejects "reject", defers everything else. */
  public static final class GreetingMadeHandler extends RequestHandler<GreetingMade> {
    @Override
    public GreetingMade handle(GreetingMade event) {
      return switch (event.greeting()) {
        case "ok" -> super.handle(event);
        case "reject" -> throw new RejectMessageAction("not for us");
        default -> throw new DeferMessageAction(Duration.ZERO);
      };
    }
  }

  /** Fails every send. */
  static final class DownProducer implements MessageProducer {
    private final Publication publication;

    DownProducer(Publication publication) {
      this.publication = publication;
    }

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {
      throw new IllegalStateException("broker down");
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      send(message);
    }
  }

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.made");
  private static final Publication PUBLICATION =
      Publication.builder().topic(GREETINGS).requestType(GreetingMade.class).build();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerMessagingMetrics metrics = new MicrometerMessagingMetrics(registry);
  private final InMemoryBus bus = new InMemoryBus();
  private Dispatcher dispatcher;

  @AfterEach
  void stop() {
    if (dispatcher != null) {
      dispatcher.stop();
    }
  }

  private CommandProcessor processor(MessageProducer producer) {
    SubscriberRegistry handlers = new SubscriberRegistry();
    handlers.register(GreetingMade.class, GreetingMadeHandler.class);
    return CommandProcessor.builder()
        .handlers(handlers, new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(List.of(producer)))
                .outbox(new InMemoryOutbox())
                .build())
        .metrics(metrics)
        .build();
  }

  private double count(String name, String topic) {
    return registry.get(name).tag("topic", topic).counter().count();
  }

  private double consumed(String name) {
    return registry
        .get(name)
        .tag("subscription", "greetings")
        .tag("topic", GREETINGS.value())
        .counter()
        .count();
  }

  @Test
  void counts_sends_and_failed_sends_per_topic() {
    // given
    CommandProcessor working = processor(new InMemoryMessageProducer(bus, PUBLICATION));
    CommandProcessor failing = processor(new DownProducer(PUBLICATION));

    // when
    working.post(new GreetingMade(Id.random(), "ok"));
    working.post(new GreetingMade(Id.random(), "ok"));
    failing.post(new GreetingMade(Id.random(), "ok"));

    // then
    assertThat(count(MicrometerMessagingMetrics.SENT, GREETINGS.value())).isEqualTo(2);
    assertThat(count(MicrometerMessagingMetrics.SEND_FAILURES, GREETINGS.value())).isEqualTo(1);
  }

  @Test
  void counts_how_pumps_settle_messages_and_times_their_processing() {
    // given: a subscription that dead-letters on the second delivery
    CommandProcessor processor = processor(new InMemoryMessageProducer(bus, PUBLICATION));
    dispatcher =
        new DispatcherBuilder()
            .commandProcessor(processor)
            .mappers(new MessageMapperRegistry())
            .metrics(metrics)
            .subscriptions(
                List.of(
                    Subscription.builder()
                        .name("greetings")
                        .routingKey(GREETINGS)
                        .requestType(GreetingMade.class)
                        .requeueCount(2)
                        .channelFactory(new InMemoryChannelFactory(bus))
                        .timeout(Duration.ofMillis(50))
                        .emptyChannelDelay(Duration.ofMillis(10))
                        .build()))
            .build();
    dispatcher.start();

    // when
    processor.post(new GreetingMade(Id.random(), "ok"));
    processor.post(new GreetingMade(Id.random(), "ok"));
    processor.post(new GreetingMade(Id.random(), "reject"));
    processor.post(new GreetingMade(Id.random(), "defer"));

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(consumed(MicrometerMessagingMetrics.CONSUMED)).isEqualTo(2);
              assertThat(consumed(MicrometerMessagingMetrics.REJECTED)).isEqualTo(1);
              assertThat(consumed(MicrometerMessagingMetrics.REQUEUED)).isEqualTo(1);
              assertThat(consumed(MicrometerMessagingMetrics.DEAD_LETTERED)).isEqualTo(1);
            });
    var processing =
        registry
            .get(MicrometerMessagingMetrics.PROCESSING)
            .tag("subscription", "greetings")
            .tag("topic", GREETINGS.value())
            .timer();
    assertThat(processing.count()).isEqualTo(5);
    assertThat(processing.totalTime(TimeUnit.NANOSECONDS)).isPositive();
  }
}
