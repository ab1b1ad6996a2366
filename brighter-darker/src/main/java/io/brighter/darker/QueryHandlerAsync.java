package io.brighter.darker;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Answers queries of type {@code Q} with results of type {@code R}, without blocking: the
 * asynchronous twin of {@link QueryHandler}, run by {@link QueryProcessor#executeAsync}.
 *
 * {@snippet :
 * public final class FindGreetingHandlerAsync extends QueryHandlerAsync<FindGreeting, Greeting> {
 *   @Override
 *   @RetryableQuery(step = 1)
 *   public CompletableFuture<Greeting> executeAsync(FindGreeting query) {
 *     return repository.findAsync(query.id());
 *   }
 * }
 * }
 *
 * <p>Its decorators must all offer an asynchronous implementation; mixing the two is a {@link
 * io.brighter.ConfigurationException} when the processor is built. Instances are created per
 * execution and released when the returned future completes.
 *
 * @param <Q> the query type answered
 * @param <R> the result type
 */
public abstract class QueryHandlerAsync<Q extends Query<R>, R> {

  private @Nullable QueryContext context;

  /** Answers {@code query}; fail the future (or throw) to fail the execution. */
  public abstract CompletableFuture<R> executeAsync(Q query);

  /**
   * The answer when the pipeline failed and a {@link FallbackPolicy} caught the failure. The
   * default fails with an {@link IllegalStateException}, caused by the failure the policy stored
   * under {@link FallbackPolicy#CAUSE_KEY}.
   */
  public CompletableFuture<R> fallbackAsync(Q query) {
    return CompletableFuture.failedFuture(QueryHandler.noFallback(this, query, context));
  }

  /** The context of the execution this handler is part of. */
  public final QueryContext context() {
    return QueryHandler.attached(this, context);
  }

  final void attach(QueryContext executionContext) {
    this.context = executionContext;
  }
}
