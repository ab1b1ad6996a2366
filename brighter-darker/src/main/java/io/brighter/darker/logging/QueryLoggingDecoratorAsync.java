package io.brighter.darker.logging;

import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecoratorAsync;
import io.brighter.darker.QueryLogging;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.internal.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The decorator inserted by {@link QueryLogging} on asynchronous handlers: logs when the query
 * starts, and when its future completes, with the elapsed time or the failure. Created by the query
 * processor, never by users.
 *
 * {@snippet :
 * @Override
 * @QueryLogging(step = 1)
 * public CompletableFuture<Greeting> executeAsync(FindGreeting query) { ... }
 * }
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
public final class QueryLoggingDecoratorAsync<Q extends Query<R>, R>
    implements QueryDecoratorAsync<Q, R>, ConfiguredBy<QueryLogging> {

  private String target = "";

  @Override
  public void configure(QueryLogging annotation, Class<?> targetHandler) {
    target = targetHandler.getSimpleName();
  }

  @Override
  public CompletableFuture<R> executeAsync(
      Q query,
      QueryContext context,
      Function<Q, CompletableFuture<R>> next,
      Function<Q, CompletableFuture<R>> fallback) {
    long started = System.nanoTime();
    QueryLog.executing(target, query);
    return next.apply(query)
        .whenComplete(
            (result, failure) -> {
              if (failure == null) {
                QueryLog.executed(target, query, started);
              } else {
                QueryLog.failed(target, query, started, Futures.unwrap(failure));
              }
            });
  }
}
