package io.brighter.serviceactivator;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.SubscriptionBuilder;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.observability.MessagingMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A bus, handlers that record what they got, and short-delay subscriptions for pump tests. */
final class PumpFixture {

  record Greet(Id id, String name) implements Command {}

  record Greeted(Id id, String name) implements Event {}

  static final RoutingKey GREET = RoutingKey.of("greet");
  static final RoutingKey GREETED = RoutingKey.of("greeted");

  /** What the handlers saw, and what they do: by default nothing more. */
  static final class Journal {
    final List<Request> handled = new CopyOnWriteArrayList<>();
    volatile Consumer<Request> behaviour = request -> {};
    volatile Consumer<Request> second = request -> {};

    void handle(Request request) {
      handled.add(request);
      behaviour.accept(request);
    }
  }

  static final class GreetHandler extends RequestHandler<Greet> {
    private final Journal journal;

    GreetHandler(Journal journal) {
      this.journal = journal;
    }

    @Override
    public Greet handle(Greet request) {
      journal.handle(request);
      return super.handle(request);
    }
  }

  static final class GreetedHandler extends RequestHandler<Greeted> {
    private final Journal journal;

    GreetedHandler(Journal journal) {
      this.journal = journal;
    }

    @Override
    public Greeted handle(Greeted request) {
      journal.handle(request);
      return super.handle(request);
    }
  }

  static final class GreetedAuditor extends RequestHandler<Greeted> {
    private final Journal journal;

    GreetedAuditor(Journal journal) {
      this.journal = journal;
    }

    @Override
    public Greeted handle(Greeted request) {
      journal.second.accept(request);
      return super.handle(request);
    }
  }

  static final class GreetHandlerAsync extends RequestHandlerAsync<Greet> {
    private final Journal journal;

    GreetHandlerAsync(Journal journal) {
      this.journal = journal;
    }

    @Override
    public CompletableFuture<Greet> handleAsync(Greet request) {
      return CompletableFuture.runAsync(() -> journal.handle(request))
          .thenCompose(done -> super.handleAsync(request));
    }
  }

  static final class GreetedHandlerAsync extends RequestHandlerAsync<Greeted> {
    private final Journal journal;

    GreetedHandlerAsync(Journal journal) {
      this.journal = journal;
    }

    @Override
    public CompletableFuture<Greeted> handleAsync(Greeted request) {
      return CompletableFuture.runAsync(() -> journal.handle(request))
          .thenCompose(done -> super.handleAsync(request));
    }
  }

  static final class GreetedAuditorAsync extends RequestHandlerAsync<Greeted> {
    private final Journal journal;

    GreetedAuditorAsync(Journal journal) {
      this.journal = journal;
    }

    @Override
    public CompletableFuture<Greeted> handleAsync(Greeted request) {
      return CompletableFuture.runAsync(() -> journal.second.accept(request))
          .thenCompose(done -> super.handleAsync(request));
    }
  }

  final InMemoryBus bus = new InMemoryBus();
  final Journal journal = new Journal();
  final CommandProcessor processor;
  Clock clock = Clock.systemUTC();
  Duration restartBackOff = Duration.ofMinutes(1);

  PumpFixture() {
    SimpleHandlerFactory factory =
        new SimpleHandlerFactory()
            .register(GreetHandler.class, () -> new GreetHandler(journal))
            .register(GreetedHandler.class, () -> new GreetedHandler(journal))
            .register(GreetedAuditor.class, () -> new GreetedAuditor(journal))
            .register(GreetHandlerAsync.class, () -> new GreetHandlerAsync(journal))
            .register(GreetedHandlerAsync.class, () -> new GreetedHandlerAsync(journal))
            .register(GreetedAuditorAsync.class, () -> new GreetedAuditorAsync(journal));
    SubscriberRegistry registry =
        new SubscriberRegistry()
            .register(Greet.class, GreetHandler.class)
            .register(Greeted.class, GreetedHandler.class)
            .register(Greeted.class, GreetedAuditor.class)
            .registerAsync(Greet.class, GreetHandlerAsync.class)
            .registerAsync(Greeted.class, GreetedHandlerAsync.class)
            .registerAsync(Greeted.class, GreetedAuditorAsync.class);
    processor = CommandProcessor.builder().handlers(registry, factory).build();
  }

  /** A subscription to {@code topic} carrying {@code type}, with waits of a few milliseconds. */
  SubscriptionBuilder subscription(
      RoutingKey topic, Class<? extends Request> type, MessagePumpType pumpType) {
    return Subscription.builder()
        .name(topic.value())
        .routingKey(topic)
        .requestType(type)
        .messagePumpType(pumpType)
        .channelFactory(new InMemoryChannelFactory(bus))
        .timeout(Duration.ofMillis(20))
        .emptyChannelDelay(Duration.ofMillis(10))
        .channelFailureDelay(Duration.ofMillis(10))
        .dontAckDelay(Duration.ofMillis(10));
  }

  Dispatcher dispatcher(Subscription... subscriptions) {
    return dispatcher(List.of(subscriptions), MessagingMetrics.NONE);
  }

  Dispatcher dispatcher(List<Subscription> subscriptions, MessagingMetrics metrics) {
    return new DispatcherBuilder()
        .commandProcessor(processor)
        .mappers(new MessageMapperRegistry())
        .subscriptions(subscriptions)
        .metrics(metrics)
        .clock(clock)
        .restartBackOff(restartBackOff, restartBackOff.multipliedBy(4))
        .shutdownTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Maps {@code request} to a message and sends it on {@code topic}. */
  <T extends Request> Message send(RoutingKey topic, T request) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) request.getClass();
    Message message =
        new JsonMessageMapper<>(type)
            .mapToMessage(request, Publication.builder().topic(topic).build());
    producer(topic).send(message);
    return message;
  }

  /** Sends a command message on {@link #GREET} whose body is not JSON. */
  Message sendBadJson() {
    Message good =
        new JsonMessageMapper<>(Greet.class)
            .mapToMessage(greet("bad"), Publication.builder().topic(GREET).build());
    Message bad = good.withBody(MessageBody.json("{not json"));
    producer(GREET).send(bad);
    return bad;
  }

  void sendRaw(RoutingKey topic, Message message) {
    producer(topic).send(message);
  }

  private InMemoryMessageProducer producer(RoutingKey topic) {
    return new InMemoryMessageProducer(bus, Publication.builder().topic(topic).build());
  }

  List<Message> deadLetters(RoutingKey topic) {
    return bus.stream(RoutingKey.of(topic.value() + ".dlq"));
  }

  static Greet greet(String name) {
    return new Greet(Id.random(), name);
  }

  static Greeted greeted(String name) {
    return new Greeted(Id.random(), name);
  }
}
