package io.brighter;

import io.brighter.featureswitch.FeatureSwitchRegistry;
import io.brighter.handlers.HandlerFactory;
import io.brighter.handlers.MonitorConfiguration;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.inbox.Inbox;
import io.brighter.inbox.InboxConfiguration;
import io.brighter.messaging.ReplyChannelFactory;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.OutboxOperations;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.brighter.scheduler.RequestScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Dispatches requests to their handlers through each handler's middleware pipeline.
 *
 * <ul>
 *   <li>{@link #send(Command)} runs the one handler of a command; none, or more than one, is a
 *       {@link ConfigurationException} that names the command type. The handler's exception reaches
 *       the caller unchanged.
 *   <li>{@link #publish(Event)} runs every handler of an event, one after another on the calling
 *       thread. Each runs even when another fails; failures are then thrown together as one {@link
 *       PublishFailedException}. An event with no handlers is a no-op.
 *   <li>The {@code Async} variants run asynchronous handlers; their futures fail with the same
 *       exceptions, wrapped in {@link java.util.concurrent.CompletionException} when joined.
 *   <li>The variants that take a {@link Duration} or an {@link Instant} hand the request to the
 *       {@link RequestScheduler} given to {@link Builder#scheduler} and return its job id; when the
 *       job falls due the scheduler replays the plain {@code send}, {@code publish} or {@code post}
 *       with a fresh {@link RequestContext}.
 * </ul>
 *
 * {@snippet :
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(new SubscriberRegistry().register(AddGreeting.class, AddGreetingHandler.class),
 *               new SimpleHandlerFactory())
 *     .resilience(new ResiliencePipelineRegistry().register("retry", Retry.ofDefaults("retry")))
 *     .build();
 *
 * commandProcessor.send(new AddGreeting(Id.random(), "Ada"));
 * }
 *
 * <p>Thread-safe: build one at start-up and share it.
 */
public interface CommandProcessor {

  /** Runs the pipeline of the one handler registered for the command's class. */
  default void send(Command command) {
    send(command, new RequestContext());
  }

  /** As {@link #send(Command)}, with a context the caller prepared. */
  void send(Command command, RequestContext context);

  /** Runs the pipeline of the one asynchronous handler registered for the command's class. */
  default CompletableFuture<Void> sendAsync(Command command) {
    return sendAsync(command, new RequestContext());
  }

  /** As {@link #sendAsync(Command)}, with a context the caller prepared. */
  CompletableFuture<Void> sendAsync(Command command, RequestContext context);

  /** Runs the pipeline of every handler registered for the event's class. */
  default void publish(Event event) {
    publish(event, new RequestContext());
  }

  /** As {@link #publish(Event)}; each handler gets its own copy of {@code context}. */
  void publish(Event event, RequestContext context);

  /** Starts every asynchronous handler of the event; completes when all have finished. */
  default CompletableFuture<Void> publishAsync(Event event) {
    return publishAsync(event, new RequestContext());
  }

  /** As {@link #publishAsync(Event)}; each handler gets its own copy of {@code context}. */
  CompletableFuture<Void> publishAsync(Event event, RequestContext context);

  /**
   * Maps {@code request} to a message, stores it in the outbox and sends it at once. If the send
   * fails the message stays in the outbox for the sweeper; the failure is logged, not thrown.
   *
   * @return the message id
   * @throws ConfigurationException when no external bus is configured, or no publication or mapper
   *     fits the request type
   */
  default Id post(Request request) {
    return post(request, new RequestContext());
  }

  /** As {@link #post(Request)}, with a context the caller prepared. */
  Id post(Request request, RequestContext context);

  /** As {@link #post(Request)}, without blocking the caller. */
  CompletableFuture<Id> postAsync(Request request);

  /**
   * Maps {@code request} to a message and stores it in the outbox without sending it; send it later
   * with {@link #clearOutbox} or leave it to the sweeper.
   *
   * @throws io.brighter.outbox.OutboxLimitReachedException when the outbox holds more undispatched
   *     messages than the configured limit
   */
  Id depositPost(Request request);

  /**
   * As {@link #depositPost(Request)}, inside the caller's transaction: the message is stored when
   * the caller commits, and never if it rolls back.
   */
  Id depositPost(Request request, BoxTransactionProvider<?> transaction);

  /** Stores a message for each request, in one write. */
  List<Id> depositPost(List<? extends Request> requests);

  /** Stores a message for each request, in one write inside the caller's transaction. */
  List<Id> depositPost(List<? extends Request> requests, BoxTransactionProvider<?> transaction);

  /** As {@link #depositPost(Request)}, without blocking the caller. */
  CompletableFuture<Id> depositPostAsync(Request request);

  /** As {@link #depositPost(Request, BoxTransactionProvider)}, without blocking the caller. */
  CompletableFuture<Id> depositPostAsync(Request request, BoxTransactionProvider<?> transaction);

  /** As {@link #depositPost(List)}, without blocking the caller. */
  CompletableFuture<List<Id>> depositPostAsync(List<? extends Request> requests);

  /**
   * Sends the stored messages with {@code ids} and marks them dispatched. A message whose send
   * fails stays outstanding for the sweeper and the failure is logged.
   */
  void clearOutbox(Collection<Id> ids);

  /** As {@link #clearOutbox}, without blocking the caller. */
  CompletableFuture<Void> clearOutboxAsync(Collection<Id> ids);

  /**
   * What tends this processor's outbox rather than posts through it: the sweep an {@link
   * io.brighter.outbox.OutboxSweeper} runs each interval.
   *
   * @throws ConfigurationException when no external bus is configured
   */
  default OutboxOperations outboxOperations() {
    throw new ConfigurationException(
        getClass().getName() + " has no outbox: it offers no outbox operations");
  }

  /**
   * Runs {@code command}'s one handler after {@code delay}, measured on the scheduler's clock. A
   * zero delay schedules the command for now: it still runs later, on the scheduler's thread, not
   * inside this call.
   *
   * @return the scheduler's job id, for {@link RequestScheduler#reschedule} and {@link
   *     RequestScheduler#cancel}
   * @throws IllegalArgumentException when {@code delay} is negative
   * @throws ConfigurationException when no scheduler is configured, or the command has no single
   *     handler
   */
  Id send(Duration delay, Command command);

  /**
   * Runs {@code command}'s one handler at {@code at}. A time up to {@link #SCHEDULE_TOLERANCE} in
   * the past counts as now, so a time computed a moment ago is not refused.
   *
   * @return the scheduler's job id
   * @throws IllegalArgumentException when {@code at} is further in the past than the tolerance
   * @throws ConfigurationException when no scheduler is configured, or the command has no single
   *     handler
   */
  Id send(Instant at, Command command);

  /**
   * Runs every handler of {@code event} after {@code delay}; as {@link #send(Duration, Command)}.
   *
   * @return the scheduler's job id
   */
  Id publish(Duration delay, Event event);

  /**
   * Runs every handler of {@code event} at {@code at}; as {@link #send(Instant, Command)}.
   *
   * @return the scheduler's job id
   */
  Id publish(Instant at, Event event);

  /**
   * Posts {@code request} (outbox, then broker) after {@code delay}: a durable delay. The message
   * is made and stored in the outbox now, due after {@code delay} ({@link
   * io.brighter.outbox.Outbox#schedule}), and the outbox's sweeper sends it once it is due; a
   * restart loses nothing. No scheduler is involved. Cancel or move it, until it is due, with
   * {@link io.brighter.scheduler.OutboxScheduler} on the same outbox.
   *
   * @return the message id
   * @throws ConfigurationException when no external bus is configured
   * @throws UnsupportedOperationException when the outbox cannot hold scheduled messages
   */
  Id post(Duration delay, Request request);

  /**
   * Posts {@code request} at {@code at}; as {@link #post(Duration, Request)}.
   *
   * @return the message id
   * @throws ConfigurationException when no external bus is configured
   * @throws UnsupportedOperationException when the outbox cannot hold scheduled messages
   */
  Id post(Instant at, Request request);

  /**
   * How far in the past a due time given to a scheduled {@code send}, {@code publish} or {@code
   * post} may be and still count as now: one second.
   */
  Duration SCHEDULE_TOLERANCE = Duration.ofSeconds(1);

  /**
   * Sends {@code request} over the bus and waits for its reply: request-reply between services. The
   * request goes straight to its producer, not through the outbox, because a reply that comes after
   * the caller stopped waiting is worthless. The reply is mapped to the type the call declares and
   * returned; it is not run through any handler.
   *
   * @return the reply, or {@code null} when none arrived within {@code timeout}; the call never
   *     waits longer than that
   * @throws ConfigurationException when no external bus or no reply channels are configured
   * @throws IllegalArgumentException when the timeout is not positive
   */
  <R extends Request> @Nullable R call(Call<R> request, Duration timeout);

  /** A builder for the in-process command processor. */
  static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a {@link CommandProcessor}; {@link #handlers} is required. */
  final class Builder {
    @Nullable SubscriberRegistry subscriberRegistry;
    @Nullable HandlerFactory handlerFactory;
    @Nullable ResiliencePipelineRegistry resilience;
    @Nullable FeatureSwitchRegistry featureSwitches;
    @Nullable ExternalBusConfiguration externalBus;
    @Nullable RequestScheduler scheduler;
    @Nullable ReplyChannelFactory replyChannels;
    @Nullable Inbox inbox;
    @Nullable InboxConfiguration globalInbox;
    @Nullable MonitorConfiguration monitoring;
    BrighterTracer tracer = BrighterTracer.disabled();
    MessagingMetrics metrics = MessagingMetrics.NONE;

    Builder() {}

    /** Which handlers handle which requests, and how to create them. Required. */
    public Builder handlers(SubscriberRegistry subscriberRegistry, HandlerFactory handlerFactory) {
      this.subscriberRegistry = subscriberRegistry;
      this.handlerFactory = handlerFactory;
      return this;
    }

    /** The resilience pipelines that {@code @UseResiliencePipeline} names. Optional. */
    public Builder resilience(ResiliencePipelineRegistry resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * Where {@code @Monitor} sends its events, and the instance name they carry. Optional; without
     * it {@code @Monitor} lets requests through unrecorded.
     */
    public Builder monitoring(MonitorConfiguration monitoring) {
      this.monitoring = monitoring;
      return this;
    }

    /** The feature switches that {@code @FeatureSwitch(config = CONFIG)} asks. Optional. */
    public Builder featureSwitches(FeatureSwitchRegistry featureSwitches) {
      this.featureSwitches = featureSwitches;
      return this;
    }

    /** How to reach other services: producers, mappers and the outbox. Optional. */
    public Builder externalBus(ExternalBusConfiguration externalBus) {
      this.externalBus = externalBus;
      return this;
    }

    /**
     * Where scheduled {@code send}, {@code publish} and {@code post} calls wait until due.
     * Optional; without it those calls fail with a {@link ConfigurationException}. {@link #build()}
     * binds the scheduler to the new processor with {@link RequestScheduler#bind}.
     */
    public Builder scheduler(RequestScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * The inbox that {@code @UseInbox} records handled requests in. Optional; a handler with
     * {@code @UseInbox} on a processor without one fails {@link #build()}. Replaces an inbox set by
     * {@link #inbox(InboxConfiguration)}, and with it the global inbox.
     */
    public Builder inbox(Inbox inbox) {
      this.inbox = inbox;
      this.globalInbox = null;
      return this;
    }

    /**
     * The global inbox: {@code configuration}'s inbox serves {@code @UseInbox}, and every handler
     * without its own {@code @UseInbox} or a {@code @NoGlobalInbox} gets the inbox middleware
     * outermost in its pipeline. Optional.
     */
    public Builder inbox(InboxConfiguration configuration) {
      this.globalInbox = configuration;
      this.inbox = configuration == null ? null : configuration.inbox();
      return this;
    }

    /**
     * Traces sends, publishes, posts and the outbox with OpenTelemetry, and writes the trace
     * context into the headers of deposited messages. Optional; no spans by default.
     */
    public Builder tracer(BrighterTracer tracer) {
      this.tracer = java.util.Objects.requireNonNull(tracer, "tracer must not be null");
      return this;
    }

    /**
     * Told of each message sent to a producer and each failed send ({@code brighter-micrometer}
     * counts them with Micrometer). Optional; nothing is recorded by default.
     */
    public Builder metrics(MessagingMetrics metrics) {
      this.metrics =
          MessagingMetrics.guarded(
              java.util.Objects.requireNonNull(metrics, "metrics must not be null"));
      return this;
    }

    /** How to open the private channel each {@code call} waits on for its reply. Optional. */
    public Builder replyChannels(ReplyChannelFactory replyChannels) {
      this.replyChannels = replyChannels;
      return this;
    }

    /**
     * The command processor.
     *
     * @throws ConfigurationException when a required part is missing or a registered handler's
     *     pipeline is malformed (mixes synchronous and asynchronous handlers, say)
     */
    public CommandProcessor build() {
      return PipelineCommandProcessor.of(this);
    }
  }
}
