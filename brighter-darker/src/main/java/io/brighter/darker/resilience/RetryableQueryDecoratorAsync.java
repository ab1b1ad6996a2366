package io.brighter.darker.resilience;

import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecoratorAsync;
import io.brighter.darker.RetryableQuery;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The decorator inserted by {@link RetryableQuery} on asynchronous handlers; retries wait on the
 * resilience registry's scheduler instead of blocking a thread. Created by the query processor,
 * never by users.
 *
 * {@snippet :
 * @Override
 * @RetryableQuery(step = 2)
 * public CompletableFuture<Greeting> executeAsync(FindGreeting query) { ... }
 * }
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
public final class RetryableQueryDecoratorAsync<Q extends Query<R>, R>
    extends RetryableQueryPreparation implements QueryDecoratorAsync<Q, R> {

  @Override
  public CompletableFuture<R> executeAsync(
      Q query,
      QueryContext context,
      Function<Q, CompletableFuture<R>> next,
      Function<Q, CompletableFuture<R>> fallback) {
    return pipeline(context).executeAsync(() -> next.apply(query));
  }
}
