package io.brighter.serviceactivator;

import io.brighter.BrighterException;
import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.PublishFailedException;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.actions.DeferMessageAction;
import io.brighter.actions.DontAckAction;
import io.brighter.actions.InvalidMessageAction;
import io.brighter.actions.MessageAction;
import io.brighter.actions.RejectMessageAction;
import io.brighter.internal.SharedMessagingParts;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.Subscription;
import io.brighter.observability.MessagingMetrics.Settlement;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both pump types share: the decision, for each message, to acknowledge, requeue or reject it
 * (the loop of .NET Brighter's {@code MessagePump}, with the differences the {@link Dispatcher}
 * lists), the unacceptable count and the pump's status. A subclass supplies the loop and its
 * thread.
 *
 * <p>Every message a pump receives is settled, whatever its headers and body: one the transport
 * could not read, one of type {@code QUIT} or {@code NONE} (which never come from a channel), one
 * that cannot be mapped, and one whose handling failed in any way are rejected or requeued by the
 * rules of {@link #settle}. A settlement the consumer fails (it throws, or answers that the broker
 * did not take it) is tried {@value #SETTLE_TRIES} times; then the pump stops with {@link
 * MessagePumpStatus#ERROR} and a {@link SettlementFailedException}, closing its consumer so the
 * broker delivers the message again, and the dispatcher starts a new pump after a back-off. A
 * {@link ChannelFailureException} while settling means the connection is gone and the broker will
 * deliver the message again by itself: the loop waits and reconnects.
 */
abstract sealed class MessagePump permits Reactor, Proactor {

  /** What the loop does after a message was settled. */
  enum Next {
    /** Take the next message. */
    CONTINUE,
    /** Wait the subscription's don't-ack delay, then take the next message. */
    PAUSE,
    /** Stop: the status is already set. */
    STOP
  }

  /** The bag key of the message a request came from, in the context its handlers get. */
  static final String ORIGINATING_MESSAGE = "OriginatingMessage";

  /** How many times a settlement is tried before the pump gives up and stops. */
  static final int SETTLE_TRIES = 3;

  private static final Duration FIRST_SETTLE_RETRY = Duration.ofMillis(100);
  private static final Logger LOG = LoggerFactory.getLogger(MessagePump.class);

  final String consumerName;
  final Subscription subscription;
  final PumpResources resources;
  private final int restarts;
  private final Consumer<MessagePump> onEnded;
  private final UnacceptableCounter unacceptable;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final long startedNanos = System.nanoTime();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile @Nullable MessageConsumer consumer;
  private volatile MessagePumpStatus status = MessagePumpStatus.STARTED;
  private volatile @Nullable Throwable error;
  private volatile @Nullable Throwable channelFailure;

  /**
   * A pump of {@code subscription}; {@code restarts} says how many pumps died before it in its
   * place, and {@code onEnded} hears when it stops, on its own thread.
   */
  MessagePump(
      String consumerName,
      Subscription subscription,
      PumpResources resources,
      int restarts,
      Consumer<MessagePump> onEnded) {
    this.consumerName = consumerName;
    this.subscription = subscription;
    this.resources = resources;
    this.restarts = restarts;
    this.onEnded = onEnded;
    this.unacceptable =
        new UnacceptableCounter(
            subscription.unacceptableMessageLimit(),
            subscription.unacceptableMessageLimitWindow(),
            resources.clock());
  }

  /** Starts the loop on the pump's own thread. */
  abstract void start();

  /** Waits up to {@code timeout} for the loop to end; whether it did. */
  abstract boolean awaitStopped(Duration timeout) throws InterruptedException;

  /** Asks the loop to stop after the message in hand, which it settles first. */
  void requestStop() {
    stopSignal.countDown();
  }

  boolean stopRequested() {
    return stopSignal.getCount() == 0;
  }

  ConsumerState state() {
    return new ConsumerState(
        subscription.name(), consumerName, status, error, restarts, channelFailure);
  }

  /** How many pumps died before this one in its place. */
  int restarts() {
    return restarts;
  }

  /** How long this pump has existed. */
  Duration age() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /**
   * The pump's consumer, made from the subscription's channel factory on the pump's own thread the
   * first time, so a consumer that connects or checks its channel holds up only its pump.
   */
  MessageConsumer consumer() {
    MessageConsumer current = consumer;
    if (current == null) {
      current = subscription.channelFactory().createConsumer(subscription);
      consumer = current;
      ready.complete(null);
    }
    return current;
  }

  /**
   * Waits up to {@code timeout} until the pump has made its consumer (which declares or checks its
   * channel) or has ended trying; whether it did.
   */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    try {
      ready.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return ready.isDone();
    }
  }

  /** Waits {@code delay}, returning early when a stop is asked for. */
  void pause(Duration delay) {
    try {
      stopSignal.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      requestStop();
    }
  }

  boolean limitReached() {
    return unacceptable.limitReached();
  }

  /** Notes a receive that worked: the channel is not failing. */
  void channelWorks() {
    channelFailure = null;
  }

  /** Logs a failed receive or settlement: the pump waits and reads again. */
  void channelFailed(ChannelFailureException failure) {
    channelFailure = failure.getCause() != null ? failure.getCause() : failure;
    resources
        .warnings()
        .warn(LOG, "Channel of " + subscription.name() + " failed; retrying", failure);
  }

  /**
   * Closes the consumer, returning unsettled messages, records why the pump ended and tells the
   * dispatcher.
   */
  void finish(MessagePumpStatus finalStatus, @Nullable Throwable cause) {
    MessageConsumer current = consumer;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.warn("Consumer {} failed to close", consumerName, e);
      }
    }
    error = cause;
    status = finalStatus;
    ready.complete(null);
    if (cause == null) {
      LOG.info("Message pump {} ended: {}", consumerName, finalStatus);
    } else {
      LOG.error("Message pump {} ended: {}", consumerName, finalStatus, cause);
    }
    onEnded.accept(this);
  }

  /**
   * Why {@code message} must not reach a handler, or null for a message to dispatch: one the
   * transport could not read, and types that never come from a channel ({@code QUIT}: a pump stops
   * only when its dispatcher asks, never because a publisher said so; {@code NONE}: no message).
   */
  static @Nullable Throwable screen(Message message) {
    return switch (message.header().messageType()) {
      case UNACCEPTABLE -> {
        Object why = message.header().bag().get(HeaderNames.UNREADABLE_REASON);
        yield new MessageMappingException(
            "Failed to parse a message from the incoming message" + (why == null ? "" : ": " + why),
            null);
      }
      case QUIT ->
          new MessageMappingException(
              "Message type QUIT is not accepted from a channel: a pump stops only when its"
                  + " dispatcher asks",
              null);
      case NONE -> new MessageMappingException("Message type NONE does not carry a message", null);
      case COMMAND, EVENT, DOCUMENT -> null;
    };
  }

  /** The request type {@code message} carries; failures become mapping failures. */
  Class<? extends Request> requestType(Message message) {
    try {
      return subscription.requestTypeFor(message);
    } catch (RuntimeException e) {
      throw new MessageMappingException(
          "Failed to find the request type of message " + message.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A failure to unwrap {@code message}: actions, configuration errors and {@linkplain
   * BrighterException#isTransient transient} failures (a store the mapper reads, away for a while)
   * stay what they are, so that the last are requeued like a handler's; anything else makes the
   * message unacceptable.
   */
  static Throwable mappingFailure(Message message, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof MessageAction
        || cause instanceof ConfigurationException
        || BrighterException.isTransient(cause)) {
      return cause;
    }
    return new MessageMappingException(
        "Failed to map message " + message.id() + ": " + cause.getMessage(), cause);
  }

  /** A new context for the request of {@code message}, handled under {@code span}. */
  static RequestContext contextFor(Message message, Span span) {
    RequestContext context = new RequestContext().useSpan(span);
    context.bag().put(ORIGINATING_MESSAGE, message);
    return context;
  }

  /** Sends a command or publishes an event (or document) with the processor. */
  void dispatch(Request request, RequestContext context) {
    CommandProcessor processor = resources.commandProcessor();
    if (request instanceof Command command) {
      processor.send(command, context);
    } else if (request instanceof Event event) {
      requireHandlers(event, false);
      processor.publish(event, context);
    } else {
      throw notDispatchable(request);
    }
  }

  /**
   * Refuses {@code event} when the command processor has no handler for it that this pump runs
   * (asynchronous ones when {@code async}): publishing it would succeed with no handler run, and
   * the message would be acknowledged unhandled. Other messages of the channel may map to types
   * that are handled, so the pump rejects this one as unacceptable and goes on.
   *
   * @throws InvalidMessageAction naming the type and what is missing
   */
  void requireHandlers(Event event, boolean async) {
    if (resources.commandProcessor() instanceof SharedMessagingParts parts
        && !parts.hasHandlers(event.getClass(), async)) {
      throw new InvalidMessageAction(
          event.getClass().getName()
              + " has no "
              + (async ? "asynchronous" : "synchronous")
              + " handler for subscription "
              + subscription.name()
              + "'s "
              + subscription.messagePumpType()
              + " pumps; the message is rejected rather than acknowledged unhandled");
    }
  }

  static ConfigurationException notDispatchable(Request request) {
    return new ConfigurationException(
        request.getClass().getName() + " is neither a Command nor an Event, so cannot be handled");
  }

  /**
   * Acknowledges, requeues or rejects {@code message} after its handling ended with {@code failure}
   * (null for success), and says what the loop does next.
   *
   * @throws SettlementFailedException when the consumer failed every try
   * @throws ChannelFailureException when the connection was lost; the broker delivers the message
   *     again
   */
  Next settle(Message message, @Nullable Throwable failure) {
    Throwable cause = failure == null ? null : unwrap(failure);
    if (cause instanceof PublishFailedException published) {
      cause = mostSevere(published.failures());
    }
    if (cause == null) {
      acknowledge(message);
      return Next.CONTINUE;
    }
    return switch (cause) {
      case ConfigurationException e -> {
        unacceptable.increment();
        reject(
            message,
            RejectionReason.deliveryError("Not processed due to configuration exception: " + e));
        finish(MessagePumpStatus.ERROR, e);
        yield Next.STOP;
      }
      case MessageAction action -> settle(message, action);
      case MessageMappingException e ->
          rejected(message, RejectionReason.unacceptable(String.valueOf(e.getMessage())));
      default -> unhandled(message, cause);
    };
  }

  private Next settle(Message message, MessageAction action) {
    return switch (action) {
      case DeferMessageAction defer -> {
        requeue(message, defer.delay().orElse(subscription.requeueDelay()));
        yield Next.CONTINUE;
      }
      case DontAckAction dontAck -> {
        unacceptable.increment();
        settleWith("give back", message, () -> consumer().nack(message));
        settled(message, Settlement.REQUEUED);
        yield Next.PAUSE;
      }
      case RejectMessageAction reject ->
          rejected(message, RejectionReason.deliveryError(String.valueOf(reject.getMessage())));
      case InvalidMessageAction invalid ->
          rejected(message, RejectionReason.unacceptable(String.valueOf(invalid.getMessage())));
    };
  }

  /**
   * Settles a message whose handler failed in a way no handler dealt with, as the subscription's
   * {@link Subscription#unhandledExceptionAction()} says; under {@code REJECT}, the default, a
   * {@linkplain BrighterException#isTransient transient} failure (a database or broker away for a
   * while) is requeued within the requeue count rather than dead-lettered. A transient failure does
   * not count toward the unacceptable message limit: an outage is no sign of poison, and must not
   * stop the pump.
   */
  private Next unhandled(Message message, Throwable cause) {
    LOG.error("Handler of message {} on {} failed", message.id(), consumerName, cause);
    boolean passing = BrighterException.isTransient(cause);
    if (!passing) {
      unacceptable.increment();
    }
    switch (subscription.unhandledExceptionAction()) {
      case REJECT -> {
        if (passing) {
          requeue(message, subscription.requeueDelay());
        } else {
          reject(message, RejectionReason.deliveryError("Unhandled exception: " + cause));
        }
      }
      case DEFER -> requeue(message, subscription.requeueDelay());
      case ACKNOWLEDGE -> acknowledge(message);
    }
    return Next.CONTINUE;
  }

  private Next rejected(Message message, RejectionReason reason) {
    unacceptable.increment();
    reject(message, reason);
    return Next.CONTINUE;
  }

  /**
   * Counts this delivery, then requeues the message, or dead-letters it once it has been delivered
   * the subscription's requeue count of times.
   */
  private void requeue(Message message, Duration delay) {
    Message counted =
        message.withHeader(message.header().withHandledCount(message.header().handledCount() + 1));
    if (counted.handledCountReached(subscription.requeueCount())) {
      LOG.warn(
          "Message {} handled {} times; dropping it to the dead letter channel",
          message.id(),
          counted.header().handledCount());
      unacceptable.increment();
      reject(
          counted,
          RejectionReason.deliveryError("Handle count of messages reached; rejecting at limit"),
          Settlement.DEAD_LETTERED);
    } else {
      settleWith("requeue", counted, () -> consumer().requeue(counted, delay));
      settled(counted, Settlement.REQUEUED);
    }
  }

  private void acknowledge(Message message) {
    settleWith(
        "acknowledge",
        message,
        () -> {
          consumer().acknowledge(message);
          return true;
        });
    settled(message, Settlement.ACKNOWLEDGED);
  }

  private void reject(Message message, RejectionReason reason) {
    reject(message, reason, Settlement.REJECTED);
  }

  private void reject(Message message, RejectionReason reason, Settlement settlement) {
    settleWith("reject", message, () -> consumer().reject(message, reason));
    settled(message, settlement);
  }

  /**
   * Runs {@code attempt} until it answers true, {@value #SETTLE_TRIES} times at most, waiting a
   * little longer before each retry.
   *
   * @throws SettlementFailedException when every try failed, or a stop was asked for between tries
   * @throws ChannelFailureException at once: the connection is gone
   */
  private void settleWith(String action, Message message, BooleanSupplier attempt) {
    Duration wait = FIRST_SETTLE_RETRY;
    RuntimeException last = null;
    for (int tries = 1; ; tries++) {
      try {
        if (attempt.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (ChannelFailureException e) {
        throw e;
      } catch (RuntimeException e) {
        last = e;
      }
      if (tries == SETTLE_TRIES || stopRequested()) {
        throw SettlementFailedException.of(action, message.id(), tries, last);
      }
      LOG.warn(
          "Could not {} message {} on {} (try {} of {}); trying again in {}",
          action,
          message.id(),
          consumerName,
          tries,
          SETTLE_TRIES,
          wait,
          last);
      pause(wait);
      wait = wait.multipliedBy(5);
    }
  }

  private void settled(Message message, Settlement settlement) {
    resources.metrics().settled(subscription, message, settlement);
  }

  /** When the handling of a message starts, for {@link #processed}; 0 when metrics are off. */
  long processingStarts() {
    return resources.metrics().records() ? System.nanoTime() : 0;
  }

  /** Tells the metrics how long the pump spent on {@code message} since {@code startNanos}. */
  void processed(Message message, long startNanos) {
    if (resources.metrics().records()) {
      resources
          .metrics()
          .processed(subscription, message, Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }

  /**
   * The failure that decides a published event's fate when several handlers failed: a configuration
   * error first (it stops the pump), then the action of lowest {@link MessageAction#precedence()},
   * and otherwise the first failure.
   */
  private static Throwable mostSevere(List<Throwable> failures) {
    Throwable chosen = null;
    for (Throwable failure : failures) {
      Throwable cause = unwrap(failure);
      if (cause instanceof ConfigurationException) {
        return cause;
      }
      if (cause instanceof MessageAction action
          && !(chosen instanceof MessageAction best && best.precedence() <= action.precedence())) {
        chosen = action;
      }
    }
    return chosen != null ? chosen : unwrap(failures.getFirst());
  }

  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
