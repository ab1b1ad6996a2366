package io.brighter.testing.transport;

import static io.brighter.testing.transport.TransportMessages.fresh;
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
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.brighter.testing.transport.PoisonMessages.MessagePoison;
import io.brighter.testing.transport.PoisonMessages.Outcome;
import io.brighter.testing.transport.PoisonMessages.Poison;
import io.brighter.testing.transport.PoisonMessages.RawPoison;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Poison never stops a consumer: messages with bad types, bodies and headers, mixed with valid
 * ones, run through a real {@link Dispatcher} with two pumps on the transport under test, on each
 * pump type. Every valid message is handled once; every poison message ends handled, dead-lettered
 * with a reason that names what was wrong, or (for headers a transport may read leniently) either;
 * no pump stops or is restarted; no exception reaches a thread's uncaught exception handler; and
 * once the dispatcher stops, nothing is left on the channel unsettled.
 *
 * {@snippet :
 * class RmqPoisonIT extends PoisonMessageContract {
 *   @Override protected ChannelFactory channelFactory() { return new RmqChannelFactory(connection); }
 *   @Override protected MessageProducer createProducer(Publication publication) {
 *     return new RmqMessageProducer(connection, publication);
 *   }
 *   // createConsumer, receiveTimeout, publishRaw ...
 * }
 * }
 *
 * <p>The poison a producer can send: types {@code QUIT} and {@code NONE}, a body that is not JSON,
 * an empty body, a JSON body without an id (handled, with the message id), a CloudEvents type no
 * handler knows, a 129 KB header with a bad body, a 300-character id with a bad body. The poison
 * only a raw client can publish ({@link #publishRaw}, for transports with a wire format): an empty
 * or blank {@code Topic} header, an unknown {@code MessageType}, a {@code HandledCount} that is not
 * a number, a 300-character {@code cloudEvents_id} with a bad body, a 130 KB header with a bad
 * body, and no headers at all.
 *
 * <p><b>Hooks.</b> As {@link TransportContract}'s: {@link #createConsumer} reads the channel after
 * the dispatcher stopped, and {@link #createDeadLetterConsumer} the dead letters. Each case uses
 * fresh names. A transport whose consumers have no wire to read answers {@link #hasWireFormat()}
 * with false, which disables the raw case; say why in its Javadoc.
 */
public abstract class PoisonMessageContract {

  /** The event of the suite. */
  public record PoisonEvent(Id id, String text) implements Event {}

  /** Records each event it handles. */
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

  private final RoutingKey topic = RoutingKey.of(fresh("poison"));
  private final String channelName = fresh("poison-channel");
  private final RoutingKey deadLetterRoutingKey = RoutingKey.of(topic.value() + "-dlq");
  private final List<Id> handled = new CopyOnWriteArrayList<>();
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** The channel factory of the transport under test, for the dispatcher's subscription. */
  protected abstract ChannelFactory channelFactory();

  /** A new producer of the transport under test for {@code publication}. */
  protected abstract MessageProducer createProducer(Publication publication);

  /** A new consumer, as {@link TransportContract#createConsumer} makes. */
  protected abstract MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels);

  /** How long one receive waits for the first message, as in {@link TransportContract}. */
  protected abstract Duration receiveTimeout();

  /**
   * Whether the transport's consumers read deliveries off a wire, so that {@link #publishRaw} can
   * put headers there that no producer of this project writes. True unless overridden.
   */
  protected boolean hasWireFormat() {
    return true;
  }

  /**
   * Publishes {@code delivery} to {@code topic} with the broker's own client, as a publisher that
   * is not Brighter would: its headers as they are, under their names, and its body.
   */
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    throw new UnsupportedOperationException(
        "override publishRaw, or answer hasWireFormat() with false");
  }

  /**
   * A consumer of the messages rejected to {@code deadLetterRoutingKey}, made before any is
   * rejected. By default a consumer of the channel {@code channelName} on that routing key.
   */
  protected MessageConsumer createDeadLetterConsumer(
      RoutingKey deadLetterRoutingKey, String channelName) {
    return createConsumer(
        deadLetterRoutingKey,
        channelName,
        10,
        RoutingKey.of(deadLetterRoutingKey.value() + "-dlq"),
        OnMissingChannel.CREATE);
  }

  @Test
  final void poison_a_producer_can_send_never_stops_a_reactor() {
    producerPoison(MessagePumpType.REACTOR);
  }

  @Test
  final void poison_a_producer_can_send_never_stops_a_proactor() {
    producerPoison(MessagePumpType.PROACTOR);
  }

  @Test
  @EnabledIf(value = "hasWireFormat", disabledReason = "the transport has no wire to corrupt")
  final void poison_a_raw_client_can_publish_never_stops_a_reactor() {
    rawPoison(MessagePumpType.REACTOR);
  }

  @Test
  @EnabledIf(value = "hasWireFormat", disabledReason = "the transport has no wire to corrupt")
  final void poison_a_raw_client_can_publish_never_stops_a_proactor() {
    rawPoison(MessagePumpType.PROACTOR);
  }

  private void producerPoison(MessagePumpType pumpType) {
    // given
    Run run = start(pumpType);
    MessageProducer producer = open(createProducer(publication()));
    List<Poison> poisons = new ArrayList<>();
    List<Id> valid = new ArrayList<>();

    // when: each poison message, then a valid one
    for (MessagePoison poison : PoisonMessages.forProducers(topic)) {
      poisons.add(poison.poison());
      producer.send(poison.message());
      Id id = Id.random();
      valid.add(id);
      producer.send(PoisonMessages.valid(topic, id));
    }

    // then
    run.assertSettled(poisons, valid);
  }

  private void rawPoison(MessagePumpType pumpType) {
    // given
    Run run = start(pumpType);
    MessageProducer producer = open(createProducer(publication()));
    List<Poison> poisons = new ArrayList<>();
    List<Id> valid = new ArrayList<>();

    // when: each raw poison delivery, then a valid message
    for (RawPoison poison : PoisonMessages.forRawClients()) {
      poisons.add(poison.poison());
      publishRaw(topic, poison.delivery());
      Id id = Id.random();
      valid.add(id);
      producer.send(PoisonMessages.valid(topic, id));
    }

    // then
    run.assertSettled(poisons, valid);
  }

  /** Stops what the case started, newest first, and restores the uncaught exception handler. */
  @AfterEach
  final void closeWhatTheCaseOpened() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  /** Starts a dispatcher of two {@code pumpType} pumps, after a dead-letter consumer. */
  private Run start(MessagePumpType pumpType) {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
    opened.push(() -> Thread.setDefaultUncaughtExceptionHandler(previous));
    MessageConsumer deadLetters =
        open(createDeadLetterConsumer(deadLetterRoutingKey, fresh("poison-dead-letters")));
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
            .timeout(receiveTimeout())
            .emptyChannelDelay(Duration.ofMillis(10))
            .channelFailureDelay(Duration.ofMillis(100))
            .deadLetterRoutingKey(deadLetterRoutingKey)
            .channelFactory(channelFactory())
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(processor)
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(subscription))
            .build();
    opened.push(dispatcher::stop);
    dispatcher.start();
    return new Run(dispatcher, deadLetters);
  }

  private Publication publication() {
    return Publication.builder().topic(topic).makeChannels(OnMissingChannel.CREATE).build();
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }

  /** A running dispatcher and the dead letters read so far. */
  private final class Run {
    private final Dispatcher dispatcher;
    private final MessageConsumer deadLetters;
    private final Map<Id, Message> deadLettered = new ConcurrentHashMap<>();

    Run(Dispatcher dispatcher, MessageConsumer deadLetters) {
      this.dispatcher = dispatcher;
      this.deadLetters = deadLetters;
    }

    void assertSettled(List<Poison> poisons, List<Id> valid) {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      List<String> missing = missing(poisons, valid);
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        await().pollDelay(Duration.ofMillis(50)).until(() -> true);
        missing = missing(poisons, valid);
      }
      assertThat(missing)
          .as(
              "not settled within %s (pumps: %s; dead letters: %s)",
              PATIENCE, dispatcher.state(), deadLettered.keySet())
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
              .assertThat(String.valueOf(reason) + " " + dead.header().bag())
              .as(poison.name() + ": the reason names what was wrong")
              .contains(poison.reasonWords());
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
      assertNothingLeftOnTheChannel();
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
          Message dead = deadLettered.get(poison.id());
          missing.add(
              poison.name()
                  + " (expected "
                  + poison.outcome()
                  + (dead == null
                      ? ""
                      : ", dead-lettered: " + dead.header().bag().get(HeaderNames.REJECTION_REASON))
                  + ")");
        }
      }
      return missing;
    }

    private void assertNothingLeftOnTheChannel() {
      assertThat(dispatcher.stop()).as("the dispatcher stopped in time").isTrue();
      MessageConsumer check =
          open(
              createConsumer(
                  topic, channelName, 10, deadLetterRoutingKey, OnMissingChannel.CREATE));
      List<Message> left = check.receive(receiveTimeout().multipliedBy(2));
      left.forEach(check::acknowledge);
      assertThat(left).as("messages left on the channel unsettled").isEmpty();
    }
  }
}
