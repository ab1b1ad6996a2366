package io.brighter;

import io.brighter.featureswitch.FeatureSwitchRegistry;
import io.brighter.handlers.HandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.resilience.ResiliencePipelineRegistry;
import java.time.Duration;
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
  void send(Command command);

  /** As {@link #send(Command)}, with a context the caller prepared. */
  void send(Command command, RequestContext context);

  /** Runs the pipeline of the one asynchronous handler registered for the command's class. */
  CompletableFuture<Void> sendAsync(Command command);

  /** As {@link #sendAsync(Command)}, with a context the caller prepared. */
  CompletableFuture<Void> sendAsync(Command command, RequestContext context);

  /** Runs the pipeline of every handler registered for the event's class. */
  void publish(Event event);

  /** As {@link #publish(Event)}; each handler gets its own copy of {@code context}. */
  void publish(Event event, RequestContext context);

  /** Starts every asynchronous handler of the event; completes when all have finished. */
  CompletableFuture<Void> publishAsync(Event event);

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
  Id post(Request request);

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
   * Sends up to {@code batchSize} messages that have been outstanding for at least {@code
   * minimumAge}, oldest first; what an {@link io.brighter.outbox.OutboxSweeper} calls each
   * interval.
   *
   * @return how many messages were sent
   */
  int clearOutstanding(Duration minimumAge, int batchSize);

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
