package io.brighter.testing.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.brighter.testing.transport.PoisonMessages.Outcome;
import io.brighter.testing.transport.PoisonMessages.Poison;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;

/**
 * One run of {@link TransportContract}'s poison cases: a dispatcher of two pumps of one type on the
 * case's channel, handlers that record what they handle, and the dead letters read back; then the
 * checks that every message was settled and no pump stopped. Closing it stops the dispatcher and
 * restores the default uncaught exception handler it replaced.
 */
final class PoisonRun implements AutoCloseable {

  /** The event of the poison cases. */
  public record PoisonEvent(Id id, String text) implements Event {}

  /** Records each event it handles, for the Reactor. */
  public static final class PoisonEventHandler extends RequestHandler<PoisonEvent> {
    private final List<Id> handled;

    PoisonEventHandler(List<Id> handled) {
      this.handled = handled;
    }

    @Override
    public PoisonEvent handle(PoisonEvent event) {
      handled.add(event.id());
      return super.handle(event);
    }
  }

  /** Records each event it handles, for the Proactor. */
  public static final class PoisonEventHandlerAsync extends RequestHandlerAsync<PoisonEvent> {
    private final List<Id> handled;

    PoisonEventHandlerAsync(List<Id> handled) {
      this.handled = handled;
    }

    @Override
    public CompletableFuture<PoisonEvent> handleAsync(PoisonEvent event) {
      handled.add(event.id());
      return super.handleAsync(event);
    }
  }

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final List<Id> handled = new CopyOnWriteArrayList<>();
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final Map<Id, Message> deadLettered = new ConcurrentHashMap<>();
  private final Thread.UncaughtExceptionHandler previous;
  private final MessageConsumer deadLetters;
  private final Supplier<MessageConsumer> channel;
  private final Duration receiveTimeout;
  private final Dispatcher dispatcher;

  /**
   * Starts a dispatcher of two {@code pumpType} pumps reading {@code channelName} on {@code topic}
   * through {@code channels}, dead-lettering to {@code deadLetterRoutingKey}, where {@code
   * deadLetters} (already made) reads; {@code channel} makes a consumer of the channel for the last
   * check.
   */
  PoisonRun(
      MessagePumpType pumpType,
      RoutingKey topic,
      String channelName,
      RoutingKey deadLetterRoutingKey,
      ChannelFactory channels,
      MessageConsumer deadLetters,
      Supplier<MessageConsumer> channel,
      Duration receiveTimeout) {
    this.deadLetters = deadLetters;
    this.channel = channel;
    this.receiveTimeout = receiveTimeout;
    this.previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
    SubscriberRegistry registry =
        new SubscriberRegistry()
            .register(PoisonEvent.class, PoisonEventHandler.class)
            .registerAsync(PoisonEvent.class, PoisonEventHandlerAsync.class);
    SimpleHandlerFactory handlers =
        new SimpleHandlerFactory()
            .register(PoisonEventHandler.class, () -> new PoisonEventHandler(handled))
            .register(PoisonEventHandlerAsync.class, () -> new PoisonEventHandlerAsync(handled));
    CommandProcessor processor = CommandProcessor.builder().handlers(registry, handlers).build();
    Subscription subscription =
        Subscription.builder()
            .name(channelName)
            .channelName(channelName)
            .routingKey(topic)
            .requestTypes(
                message ->
                    PoisonMessages.UNKNOWN_TYPE.equals(message.header().type())
                        ? null
                        : PoisonEvent.class)
            .messagePumpType(pumpType)
            .noOfPerformers(2)
            .bufferSize(3)
            .timeout(receiveTimeout)
            .emptyChannelDelay(Duration.ofMillis(10))
            .channelFailureDelay(Duration.ofMillis(100))
            .deadLetterRoutingKey(deadLetterRoutingKey)
            .channelFactory(channels)
            .build();
    this.dispatcher =
        new DispatcherBuilder()
            .commandProcessor(processor)
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(subscription))
            .build();
    dispatcher.start();
  }

  /**
   * Checks that every {@code valid} message was handled once and every poison message ended as it
   * must, within the patience; that no pump stopped or was restarted and no exception reached an
   * uncaught exception handler; then stops the dispatcher and checks nothing is left on the
   * channel.
   */
  void assertSettled(List<Poison> poisons, List<Id> valid) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<String> missing = missing(poisons, valid);
    while (!missing.isEmpty() && System.nanoTime() < deadline) {
      await().pollDelay(Duration.ofMillis(50)).until(() -> true);
      missing = missing(poisons, valid);
    }
    assertThat(missing)
        .as("not settled within %s (pumps: %s)", PATIENCE, dispatcher.state())
        .isEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (Id id : valid) {
      softly.assertThat(handled).as("valid message handled once").containsOnlyOnce(id);
    }
    for (Poison poison : poisons) {
      Message dead = deadLettered.get(poison.id());
      if (poison.outcome() == Outcome.HANDLED) {
        softly
            .assertThat(handled)
            .as(poison.name() + ": handled once")
            .containsOnlyOnce(poison.id());
      } else if (dead != null) {
        Object reason = dead.header().bag().get(HeaderNames.REJECTION_REASON);
        softly.assertThat(reason).as(poison.name() + ": rejection reason").isNotNull();
        softly
            .assertThat(plain(reason + " " + dead.header().bag()))
            .as(poison.name() + ": the reason names what was wrong")
            .contains(poison.reasonWords().stream().map(PoisonRun::plain).toList());
      }
    }
    softly
        .assertThat(dispatcher.state())
        .as("no pump stopped or was restarted")
        .hasSize(2)
        .allMatch(ConsumerState::running)
        .allMatch(state -> state.restarts() == 0);
    softly.assertThat(uncaught).as("exceptions that reached an uncaught handler").isEmpty();
    softly.assertAll();
    assertThat(dispatcher.stop()).as("the dispatcher stopped in time").isTrue();
    try (MessageConsumer check = channel.get()) {
      List<Message> left = check.receive(receiveTimeout.multipliedBy(2));
      left.forEach(check::acknowledge);
      assertThat(left).as("messages left on the channel unsettled").isEmpty();
    }
  }

  /** What is not settled yet, by name, after reading the dead letters that arrived. */
  private List<String> missing(List<Poison> poisons, List<Id> valid) {
    for (Message dead : deadLetters.receive(Duration.ofMillis(1))) {
      deadLettered.put(dead.id(), dead);
      deadLetters.acknowledge(dead);
    }
    List<String> missing = new ArrayList<>();
    long validLeft = valid.stream().filter(id -> !handled.contains(id)).count();
    if (validLeft > 0) {
      missing.add(validLeft + " valid message(s) not handled");
    }
    for (Poison poison : poisons) {
      boolean wasHandled = handled.contains(poison.id());
      boolean wasDeadLettered = deadLettered.containsKey(poison.id());
      boolean done =
          switch (poison.outcome()) {
            case HANDLED -> wasHandled;
            case DEAD_LETTERED -> wasDeadLettered;
            case SETTLED -> wasHandled || wasDeadLettered;
          };
      if (!done) {
        missing.add(poison.name() + " (expected " + poison.outcome() + ")");
      }
    }
    return missing;
  }

  @Override
  public void close() {
    try {
      dispatcher.stop();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  /**
   * {@code text} in lower case without {@code -} and {@code _}, so that a header named as one
   * transport names it ({@code MessageType}, {@code message-type}) matches.
   */
  private static String plain(String text) {
    return text.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
  }
}
