package io.brighter.darker.fallback;

import io.brighter.darker.FallbackPolicy;
import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecoratorAsync;
import io.brighter.internal.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The decorator inserted by {@link FallbackPolicy} on asynchronous handlers: when the rest of the
 * pipeline fails with one of the policy's exceptions, stores it in the bag under {@link
 * FallbackPolicy#CAUSE_KEY} and answers with the handler's {@code fallbackAsync}; any other failure
 * passes through. Created by the query processor, never by users.
 *
 * {@snippet :
 * @Override
 * @FallbackPolicy(step = 1, exceptions = TimeoutException.class)
 * public CompletableFuture<Greeting> executeAsync(FindGreeting query) { ... }
 * }
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
public final class FallbackPolicyDecoratorAsync<Q extends Query<R>, R>
    extends FallbackPolicyPreparation implements QueryDecoratorAsync<Q, R> {

  @Override
  public CompletableFuture<R> executeAsync(
      Q query,
      QueryContext context,
      Function<Q, CompletableFuture<R>> next,
      Function<Q, CompletableFuture<R>> fallback) {
    return next.apply(query)
        .exceptionallyCompose(
            failure -> {
              Throwable cause = Futures.unwrap(failure);
              return catches(cause, context)
                  ? fallback.apply(query)
                  : CompletableFuture.failedFuture(cause);
            });
  }
}
