package io.brighter.rabbitmq;

import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's section "RabbitMQ" shows the code between the {@code README snippet} markers below
 * (without this method's indentation), and this test runs it on the loopback broker: change both
 * together.
 */
class ReadmeRabbitMqExampleIT {

  record GreetingAdded(Id id, String name) implements Event {}

  static final Queue<String> GREETED = new ConcurrentLinkedQueue<>();

  /** Records each greeting's name. */
  public static final class GreetingAddedHandler extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      GREETED.add(event.name());
      return super.handle(event);
    }
  }

  @BeforeEach
  @AfterEach
  void deleteTheExampleQueues() {
    Broker.deleteQueues(List.of("greetings", "greetings.dlq"));
  }

  @Test
  void the_example_publishes_and_consumes_a_greeting() {
    // given
    URI uri = Broker.uri();

    // when
    // README snippet: begin
    RmqConnection connection =
        RmqConnection.builder()
            .uri(uri) // e.g. amqp://guest:guest@127.0.0.1:5672/%2f
            .exchange(RmqExchange.direct("paramore.brighter.exchange"))
            .heartbeat(Duration.ofSeconds(20))
            .retry(RmqConnectionRetry.DEFAULT) // 3 retries from 1 s, then a 1-minute break
            .build();

    // publishing: the outbox marks a message dispatched once the broker confirmed it
    RmqMessageProducer producer =
        new RmqMessageProducer(
            connection,
            Publication.builder()
                .topic(RoutingKey.of("greeting.added"))
                .requestType(GreetingAdded.class)
                .build(),
            RmqPublication.DEFAULT); // persistent messages
    CommandProcessor commandProcessor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(GreetingAdded.class, GreetingAddedHandler.class),
                new SimpleHandlerFactory())
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(producer)))
                    .outbox(new InMemoryOutbox())
                    .build())
            .build();

    // consuming: a durable quorum queue "greetings", dead letters in "greetings.dlq"
    Subscription greetings =
        Subscription.builder()
            .name("greetings")
            .channelName("greetings")
            .routingKey(RoutingKey.of("greeting.added"))
            .requestType(GreetingAdded.class)
            .bufferSize(10) // the prefetch
            .requeueCount(3)
            .channelFactory(
                new RmqChannelFactory(
                    connection, RmqSubscription.DEFAULT.withQueueType(RmqQueueType.QUORUM)))
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(commandProcessor)
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(greetings))
            .build();
    dispatcher.start();

    commandProcessor.post(new GreetingAdded(Id.random(), "Ada"));
    // README snippet: end

    // then
    try {
      await().atMost(Duration.ofSeconds(15)).until(() -> GREETED.contains("Ada"));
    } finally {
      dispatcher.stop();
      producer.close();
    }
  }
}
