package io.brighter;

import io.brighter.featureswitch.FeatureSwitchRegistry;
import io.brighter.handlers.HandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.resilience.ResiliencePipelineRegistry;
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
