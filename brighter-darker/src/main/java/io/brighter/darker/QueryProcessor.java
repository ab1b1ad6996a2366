package io.brighter.darker;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.handlers.HandlerFactory;
import io.brighter.resilience.ResiliencePipelineRegistry;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Answers queries: runs each through the decorator pipeline of the one handler registered for its
 * class, and returns the handler's result.
 *
 * <ul>
 *   <li>{@link #execute(Query)} runs the synchronous handler. When there is none it throws a {@link
 *       ConfigurationException} naming the query type, and saying so when an asynchronous handler
 *       is registered instead. The handler's exceptions reach the caller unchanged.
 *   <li>{@link #executeAsync(Query)} runs the asynchronous handler; its future fails with the same
 *       exceptions, wrapped in {@link java.util.concurrent.CompletionException} when joined.
 * </ul>
 *
 * {@snippet :
 * QueryProcessor queryProcessor = QueryProcessor.builder()
 *     .handlers(new QueryHandlerRegistry().register(FindGreeting.class, FindGreetingHandler.class),
 *               new SimpleHandlerFactory())
 *     .resilience(new ResiliencePipelineRegistry()
 *         .register(RetryableQuery.DEFAULT_POLICY, Retry.ofDefaults("queries")))
 *     .build();
 *
 * Greeting greeting = queryProcessor.execute(new FindGreeting(id));
 * }
 *
 * <p>Thread-safe: build one at start-up and share it.
 */
public interface QueryProcessor {

  /** Runs the synchronous handler of the query's class with a fresh {@link QueryContext}. */
  <R> R execute(Query<R> query);

  /** As {@link #execute(Query)}, with a context the caller prepared. */
  <R> R execute(Query<R> query, QueryContext context);

  /** Runs the asynchronous handler of the query's class with a fresh {@link QueryContext}. */
  <R> CompletableFuture<R> executeAsync(Query<R> query);

  /** As {@link #executeAsync(Query)}, with a context the caller prepared. */
  <R> CompletableFuture<R> executeAsync(Query<R> query, QueryContext context);

  /** A builder for the in-process query processor. */
  static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a {@link QueryProcessor}; {@link #handlers} is required. */
  final class Builder {
    @Nullable QueryHandlerRegistry registry;
    @Nullable HandlerFactory handlerFactory;
    @Nullable ResiliencePipelineRegistry resilience;

    Builder() {}

    /** Which handlers answer which queries, and how to create handlers and decorators. Required. */
    public Builder handlers(QueryHandlerRegistry registry, HandlerFactory handlerFactory) {
      this.registry = registry;
      this.handlerFactory = handlerFactory;
      return this;
    }

    /** The resilience pipelines that {@link RetryableQuery} names. Optional. */
    public Builder resilience(ResiliencePipelineRegistry resilience) {
      this.resilience = requireNonNull(resilience, "resilience must not be null");
      return this;
    }

    /**
     * The query processor.
     *
     * @throws ConfigurationException when a required part is missing or a registered handler's
     *     pipeline is malformed (a synchronous handler with an asynchronous-only decorator, say)
     */
    public QueryProcessor build() {
      return PipelineQueryProcessor.of(this);
    }
  }
}
