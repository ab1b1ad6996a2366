package io.brighter.spring.boot;

import io.brighter.Command;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.darker.Query;
import io.brighter.darker.QueryHandler;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** Requests, handlers and in-memory messaging the starter's tests share. */
final class Fixtures {

  private Fixtures() {}

  /** A command handled in process. */
  record AddGreeting(Id id, String name) implements Command {}

  /** An event sent over the bus and consumed by the dispatcher. */
  record GreetingAdded(Id id, String name) implements Event {}

  /** A command whose handler is audited by a middleware. */
  record AuditedGreeting(Id id, String name) implements Command {}

  /** A query. */
  record CountGreetings(String prefix) implements Query<Integer> {}

  static final RoutingKey TOPIC = RoutingKey.of("greeting.added");

  /** What the handlers saw: a singleton bean injected into the prototype handlers. */
  static final class Received {
    final List<String> names = new CopyOnWriteArrayList<>();
  }

  /** Handles {@link AddGreeting}; gets {@link Received} by constructor injection. */
  @Component
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  static final class AddGreetingHandler extends RequestHandler<AddGreeting> {
    private final Received received;

    AddGreetingHandler(Received received) {
      this.received = received;
    }

    @Override
    public AddGreeting handle(AddGreeting command) {
      received.names.add("added " + command.name());
      return super.handle(command);
    }
  }

  /** Handles {@link AddGreeting} asynchronously. */
  @Component
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  static final class AddGreetingHandlerAsync extends RequestHandlerAsync<AddGreeting> {
    private final Received received;

    AddGreetingHandlerAsync(Received received) {
      this.received = received;
    }

    @Override
    public CompletableFuture<AddGreeting> handleAsync(AddGreeting command) {
      received.names.add("added async " + command.name());
      return super.handleAsync(command);
    }
  }

  /** Handles {@link GreetingAdded} as the dispatcher delivers it. */
  @Component
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  static final class GreetingAddedHandler extends RequestHandler<GreetingAdded> {
    private final Received received;

    GreetingAddedHandler(Received received) {
      this.received = received;
    }

    @Override
    public GreetingAdded handle(GreetingAdded event) {
      received.names.add("consumed " + event.name());
      return super.handle(event);
    }
  }

  /** Handles {@link AuditedGreeting} behind the {@link Audited} middleware. */
  @Component
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  static final class AuditedGreetingHandler extends RequestHandler<AuditedGreeting> {
    private final Received received;

    AuditedGreetingHandler(Received received) {
      this.received = received;
    }

    @Audited(step = 1)
    @Override
    public AuditedGreeting handle(AuditedGreeting command) {
      received.names.add("handled " + command.name());
      return super.handle(command);
    }
  }

  /** A handler bean left singleton-scoped, which the starter refuses. */
  static final class SingletonHandler extends RequestHandler<AddGreeting> {}

  /** Answers {@link CountGreetings} from {@link Received}. */
  @Component
  @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
  static final class CountGreetingsHandler extends QueryHandler<CountGreetings, Integer> {
    private final Received received;

    CountGreetingsHandler(Received received) {
      this.received = received;
    }

    @Override
    public Integer execute(CountGreetings query) {
      return (int) received.names.stream().filter(n -> n.startsWith(query.prefix())).count();
    }
  }

  /** The producer of {@link GreetingAdded} on {@code bus}. */
  static InMemoryMessageProducer producer(InMemoryBus bus) {
    return new InMemoryMessageProducer(
        bus, Publication.builder().topic(TOPIC).requestType(GreetingAdded.class).build());
  }

  /** A subscription to {@link GreetingAdded} on {@code bus}. */
  static Subscription subscription(InMemoryBus bus) {
    return Subscription.builder()
        .name("greetings")
        .routingKey(TOPIC)
        .requestType(GreetingAdded.class)
        .channelFactory(new InMemoryChannelFactory(bus))
        .noOfPerformers(1)
        .build();
  }
}
