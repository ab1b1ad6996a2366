package io.brighter;

import io.brighter.internal.RateLimitedWarnings;
import io.brighter.internal.VirtualThreads;
import io.brighter.messaging.ContextBagKeys;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageTooLargeException;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.internal.MessageSize;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.observability.TracedOperation;
import io.brighter.outbox.BlockingOutboxAsync;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxAsync;
import io.brighter.outbox.OutboxLimitReachedException;
import io.brighter.outbox.SweepSettings;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipeline;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.opentelemetry.api.trace.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves requests through the outbox to the broker: maps a request to a message and stores it
 * (deposit), then sends stored messages and marks them dispatched (clear). A send that fails is
 * logged and leaves its message outstanding for the sweeper; it is never dropped.
 *
 * <p>A send that fails, at once or when the broker refuses it later, trips its topic for the
 * sweeps' cool-down: sweeps claim no message of a tripped topic, and a sweep gives back the claims
 * of the messages it did not send, so they go again as soon as the topic cools down instead of
 * after the claim's lease. A sweep waits for the broker's word on what it sent, and for its record
 * in the outbox, before it returns (at most the sweep's lease), so a sweeper killed while relaying
 * leaves at most one batch sent but not marked; {@code post} and {@code clearOutbox} return as soon
 * as the broker has the messages, leaving their marks to follow.
 */
final class OutboxProducerMediator {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxProducerMediator.class);

  /** Where the sends of the asynchronous paths run: blocking producers are fine there. */
  private static final Executor SENDS = VirtualThreads.named("brighter-outbox-send");

  private final ExternalBusConfiguration bus;
  private final MessagePipeline messages;
  private final @Nullable ResiliencePipeline producerRetry;
  private final TopicCircuitBreaker breaker;
  private final BrighterTracer tracer;
  private final MessagingMetrics metrics;
  private final Outbox outbox;
  private final OutboxAsync outboxAsync;
  private final ConfirmedDispatches confirmedDispatches;
  private final CommittedDeposits committed = new CommittedDeposits();
  private final HeldBackKeys heldBack = new HeldBackKeys();
  private final RateLimitedWarnings warnings =
      new RateLimitedWarnings(RateLimitedWarnings.DEFAULT_PERIOD);

  OutboxProducerMediator(
      ExternalBusConfiguration bus,
      @Nullable ResiliencePipelineRegistry resilience,
      BrighterTracer tracer,
      MessagingMetrics metrics) {
    this.bus = bus;
    this.tracer = tracer;
    this.metrics = metrics;
    this.outbox = tracer.traced(bus.outbox());
    this.outboxAsync =
        bus.outbox() instanceof OutboxAsync async && !(async instanceof BlockingOutboxAsync)
            ? async
            : new BlockingOutboxAdapter(outbox); // keeps the traced outbox's client spans
    this.confirmedDispatches =
        new ConfirmedDispatches(
            ids -> outbox.markDispatched(ids, bus.clock().instant()), outbox::releaseClaims);
    this.messages =
        MessagePipeline.builder().mappers(bus.mappers()).luggageStore(bus.luggageStore()).build();
    this.producerRetry =
        bus.producerRetryPolicy() == null
            ? null
            : new PolicyReference(
                    bus.producerRetryPolicy(),
                    "producerRetryPolicy",
                    ExternalBusConfiguration.class)
                .lookup(resilience);
    this.breaker = new TopicCircuitBreaker();
    for (MessageProducer producer : bus.producers().producers()) {
      if (producer.confirmsPublication()) {
        RoutingKey topic = producer.publication().topic();
        producer.onConfirmations(confirmations -> confirmed(topic, confirmations));
      }
    }
  }

  /** The message pipeline, for reading replies. */
  MessagePipeline messages() {
    return messages;
  }

  /** Maps {@code request} and stores its message, inside {@code transaction} when given. */
  Id deposit(
      Request request, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    Message message = store(request, context, transaction);
    remember(List.of(message), transaction);
    return message.id();
  }

  /**
   * Deposits {@code request} on its own (the outbox commits it before returning) and sends the
   * message at once. The stored message is not read back: with no caller's transaction the message
   * in hand is the one committed.
   */
  Id post(Request request, RequestContext context) {
    Message message = store(request, context, null);
    tracer.inSpan(
        tracer.outboxSpan(TracedOperation.CLEAR, 1), () -> dispatchAll(List.of(message), null));
    return message.id();
  }

  /** The clock the bus tells the time by. */
  Clock clock() {
    return bus.clock();
  }

  /**
   * Stores {@code request}'s message in the outbox due at {@code dueAt}, for a sweep to send then
   * (a durable delay); its id.
   */
  Id schedule(Request request, RequestContext context, Instant dueAt) {
    return tracer.inSpan(
        tracer.requestSpan(request, TracedOperation.DEPOSIT),
        () -> {
          Message message = map(request, context);
          outbox.schedule(List.of(message), dueAt, context, null);
          return message.id();
        });
  }

  private Message store(
      Request request, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    checkLimit(1);
    return tracer.inSpan(
        tracer.requestSpan(request, TracedOperation.DEPOSIT),
        () -> {
          Message message = map(request, context);
          outbox.add(message, context, transaction);
          return message;
        });
  }

  /**
   * As {@link #deposit(Request, RequestContext, BoxTransactionProvider)}, through the outbox's
   * {@link OutboxAsync} side: the future completes when the store has the message.
   */
  CompletableFuture<Id> depositAsync(
      Request request, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    return storeAsync(List.of(request), context, transaction)
        .thenApply(stored -> remember(stored, transaction).getFirst().id());
  }

  /**
   * As {@link #deposit(List, RequestContext, BoxTransactionProvider)}, through {@link OutboxAsync}.
   */
  CompletableFuture<List<Id>> depositAsync(
      List<? extends Request> requests,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    return storeAsync(requests, context, transaction)
        .thenApply(stored -> remember(stored, transaction).stream().map(Message::id).toList());
  }

  /**
   * As {@link #post}, storing through {@link OutboxAsync}; the send runs on a virtual thread once
   * the store has the message.
   */
  CompletableFuture<Id> postAsync(Request request, RequestContext context) {
    return storeAsync(List.of(request), context, null)
        .thenApplyAsync(
            stored -> {
              tracer.inSpan(
                  tracer.outboxSpan(TracedOperation.CLEAR, 1), () -> dispatchAll(stored, null));
              return stored.getFirst().id();
            },
            SENDS);
  }

  /**
   * As {@link #clear}, reading the messages through {@link OutboxAsync}; the sends run on a virtual
   * thread once the store has answered.
   */
  CompletableFuture<Integer> clearAsync(Collection<Id> ids) {
    CommittedDeposits.Taken taken = committed.take(ids);
    CompletableFuture<List<Message>> read =
        taken.missing().isEmpty()
            ? CompletableFuture.completedFuture(List.of())
            : outboxAsync.getAsync(taken.missing());
    return read.thenApplyAsync(
        stored ->
            tracer.inSpan(
                tracer.outboxSpan(TracedOperation.CLEAR, taken.ids().size()),
                () -> dispatchAll(taken.with(stored), null)),
        SENDS);
  }

  private CompletableFuture<List<Message>> storeAsync(
      List<? extends Request> requests,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    CompletableFuture<Void> room =
        bus.maxOutstandingMessages() > 0
            ? outboxAsync
                .outstandingCountAsync()
                .thenAccept(outstanding -> checkLimit(outstanding, requests.size()))
            : CompletableFuture.completedFuture(null);
    Span span =
        requests.size() == 1
            ? tracer.requestSpan(requests.getFirst(), TracedOperation.DEPOSIT)
            : tracer.outboxSpan(TracedOperation.DEPOSIT, requests.size());
    return tracer.inSpanAsync(
        span,
        () ->
            room.thenCompose(
                checked -> {
                  List<Message> messages = new ArrayList<>(requests.size());
                  for (Request request : requests) {
                    messages.add(map(request, context));
                  }
                  return outboxAsync
                      .addAsync(messages, context, transaction)
                      .thenApply(added -> List.copyOf(messages));
                }));
  }

  /** Maps every request and stores the messages as one write. */
  List<Id> deposit(
      List<? extends Request> requests,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    checkLimit(requests.size());
    return tracer.inSpan(
        tracer.outboxSpan(TracedOperation.DEPOSIT, requests.size()),
        () -> {
          List<Message> messages = new ArrayList<>(requests.size());
          for (Request request : requests) {
            messages.add(map(request, context));
          }
          outbox.add(messages, context, transaction);
          remember(messages, transaction);
          return messages.stream().map(Message::id).toList();
        });
  }

  /**
   * Keeps {@code messages} for {@link #clear} once they have committed: at once without a caller's
   * transaction (the outbox committed them), else when the transaction says it has committed.
   * Returns {@code messages}.
   */
  private List<Message> remember(
      List<Message> messages, @Nullable BoxTransactionProvider<?> transaction) {
    if (transaction == null) {
      committed.addAll(messages);
    } else {
      transaction.afterCommit(() -> committed.addAll(messages));
    }
    return messages;
  }

  /**
   * Sends the messages with {@code ids}, in that order, from those this process deposited and saw
   * committed, else read from the outbox; returns how many were sent.
   */
  int clear(Collection<Id> ids) {
    return tracer.inSpan(
        tracer.outboxSpan(TracedOperation.CLEAR, ids.size()),
        () -> {
          CommittedDeposits.Taken taken = committed.take(ids);
          List<Message> read = taken.missing().isEmpty() ? List.of() : outbox.get(taken.missing());
          return dispatchAll(taken.with(read), null);
        });
  }

  /** One sweep, as {@link io.brighter.outbox.OutboxOperations#sweep} says; how many it sent. */
  int sweep(SweepSettings settings) {
    Set<RoutingKey> tripped = breaker.startSweep(settings.topicCooldownSweeps());
    List<Message> claimed =
        outbox.claimOutstanding(
            settings.minimumAge(), settings.batchSize(), settings.lease(), tripped);
    if (claimed.isEmpty()) {
      return 0; // an idle sweep makes no span
    }
    return tracer.inSpan(
        tracer.outboxSpan(TracedOperation.SWEEP, claimed.size()),
        () -> dispatchAll(claimed, settings));
  }

  /**
   * The request's message, stamped with the deposit time from the bus clock: an outbox measures a
   * message's age from its header timestamp, so the sweeper's minimum age counts from the deposit.
   *
   * @throws MessageTooLargeException when the message is larger than its producer takes
   */
  Message map(Request request, RequestContext context) {
    Publication publication = bus.producers().publicationFor(request.getClass());
    Message message = messages.wrap(request, publication, context);
    MessageHeader.Builder header =
        tracer.withCurrentTraceContext(message.header()).toBuilder()
            .timestamp(bus.clock().instant());
    Object causationId = context.bagValue(ContextBagKeys.CAUSATION_ID);
    if (causationId != null) {
      header.bagEntry(HeaderNames.CAUSATION_ID, causationId.toString());
    }
    return fitting(message.withHeader(header.build()));
  }

  /** {@code message}, when its producer can send it. */
  private Message fitting(Message message) {
    long limit = producerFor(producerTopic(message), message).maxMessageBytes();
    if (limit < Long.MAX_VALUE) {
      long size = MessageSize.of(message);
      if (size > limit) {
        throw new MessageTooLargeException(
            message.id().value(), message.header().topic(), size, limit);
      }
    }
    return message;
  }

  /**
   * Sends again every stored message caused by the request with {@code causationId}; returns how
   * many were sent.
   */
  int replay(Id causationId) {
    List<Id> ids = outbox.messagesCausedBy(causationId).stream().map(Message::id).toList();
    return ids.isEmpty() ? 0 : clear(ids);
  }

  /**
   * Sends {@code message} at once, past the outbox: for request-reply calls, which are worthless
   * once their caller has stopped waiting. Failures propagate.
   */
  void sendNow(Message message) {
    send(producerFor(producerTopic(message), message), message);
  }

  /**
   * Sends {@code messages} in order, then marks those whose producer does not confirm later as
   * dispatched with one outbox call, even when a configuration error stops the batch part way;
   * returns how many were sent. A message that is not sent holds back the later messages of its
   * partition key: in this batch, and in later clears and posts until a sweep sends one of them
   * ({@link HeldBackKeys}). With {@code sweep} settings the messages were claimed: it skips those
   * of tripped topics, gives back the claims of those it did not send, and waits for the broker's
   * word on the others.
   */
  private int dispatchAll(List<Message> messages, @Nullable SweepSettings sweep) {
    List<Id> sentUnconfirmed = new ArrayList<>(messages.size());
    List<Id> notSent = new ArrayList<>();
    Set<String> waitingKeys = new HashSet<>();
    ConfirmedDispatches.Expected confirmations =
        sweep != null ? confirmedDispatches.expecting() : null;
    int sent = 0;
    try {
      for (Message message : messages) {
        String key = HeldBackKeys.keyOf(message);
        if (key != null
            && (waitingKeys.contains(key) || (sweep == null && heldBack.isHeldBack(key)))) {
          notSent.add(message.id());
        } else if ((sweep == null
                || !breaker.isTripped(producerTopic(message), sweep.topicCooldownSweeps()))
            && dispatch(message, sentUnconfirmed, confirmations)) {
          sent++;
          if (sweep != null && key != null) {
            heldBack.letGo(key);
          }
        } else {
          notSent.add(message.id());
          if (key != null) {
            waitingKeys.add(key);
            heldBack.holdBack(key);
          }
        }
      }
    } finally {
      if (!sentUnconfirmed.isEmpty()) {
        outbox.markDispatched(sentUnconfirmed, bus.clock().instant());
      }
      if (sweep != null && !notSent.isEmpty()) {
        outbox.releaseClaims(notSent);
      }
      if (confirmations != null && sweep != null) {
        confirmations.await(sweep.lease());
      }
    }
    return sent;
  }

  /**
   * Sends {@code message}; adds its id to {@code sentUnconfirmed} when its producer will not
   * confirm it later, and otherwise to {@code confirmations}, when given. Returns whether it was
   * sent.
   */
  private boolean dispatch(
      Message message,
      List<Id> sentUnconfirmed,
      ConfirmedDispatches.@Nullable Expected confirmations) {
    RoutingKey topic = producerTopic(message);
    boolean expected = false;
    try {
      MessageProducer producer = producerFor(topic, message);
      if (producer.confirmsPublication() && confirmations != null) {
        confirmations.add(message.id());
        expected = true;
      }
      send(producer, message);
      if (!producer.confirmsPublication()) {
        sentUnconfirmed.add(message.id());
      }
      metrics.sent(topic, message);
      return true;
    } catch (ConfigurationException e) {
      forget(confirmations, expected, message);
      throw e;
    } catch (RuntimeException e) {
      forget(confirmations, expected, message);
      metrics.sendFailed(topic, message);
      breaker.trip(topic);
      warnings.warn(
          LOG,
          "Could not send a message to " + topic + "; it stays in the outbox for the sweeper",
          e);
      return false;
    }
  }

  private static void forget(
      ConfirmedDispatches.@Nullable Expected confirmations, boolean expected, Message message) {
    if (expected && confirmations != null) {
      confirmations.forget(message.id());
    }
  }

  /** The producer of the message's topic and CloudEvents type, else the topic's only producer. */
  private MessageProducer producerFor(RoutingKey topic, Message message) {
    return bus.producers()
        .find(topic, message.header().type())
        .orElseGet(() -> bus.producers().lookup(topic));
  }

  private void send(MessageProducer producer, Message message) {
    tracer.inSpan(tracer.producerSpan(message), () -> sendWithRetry(producer, message));
  }

  private void sendWithRetry(MessageProducer producer, Message message) {
    if (producerRetry == null) {
      sendOnce(producer, message);
    } else {
      producerRetry.execute(
          () -> {
            sendOnce(producer, message);
            return message;
          });
    }
  }

  private static void sendOnce(MessageProducer producer, Message message) {
    Duration delay = message.header().delay();
    if (delay.isZero()) {
      producer.send(message);
    } else {
      producer.sendWithDelay(message, delay);
    }
  }

  /**
   * Queues the outcomes of a broker's report on messages of {@code topic} to be recorded; a refused
   * message trips its topic, as a failed send does.
   */
  private void confirmed(RoutingKey topic, List<PublishConfirmation> confirmations) {
    List<ConfirmedDispatches.Outcome> outcomes = new ArrayList<>(confirmations.size());
    for (PublishConfirmation confirmation : confirmations) {
      outcomes.add(
          new ConfirmedDispatches.Outcome(confirmation.messageId(), confirmation.delivered()));
      if (!confirmation.delivered()) {
        breaker.trip(topic);
        metrics.deliveryFailed(topic, confirmation.messageId());
        warnings.warn(
            LOG,
            "The broker did not take a message sent to "
                + topic
                + "; it stays in the outbox for the sweeper",
            confirmation.failure());
      }
    }
    confirmedDispatches.add(outcomes);
  }

  private static RoutingKey producerTopic(Message message) {
    Object topic = message.header().bag().get(HeaderNames.PRODUCER_TOPIC);
    return topic == null ? message.header().topic() : RoutingKey.of(topic.toString());
  }

  private void checkLimit(int adding) {
    if (bus.maxOutstandingMessages() > 0) {
      checkLimit(outbox.outstandingCount(), adding);
    }
  }

  private void checkLimit(long outstanding, int adding) {
    int limit = bus.maxOutstandingMessages();
    if (limit > 0 && outstanding + adding > limit) {
      throw OutboxLimitReachedException.of(outstanding, limit);
    }
  }
}
