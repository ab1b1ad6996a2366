package io.brighter.darker.logging;

import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecorator;
import io.brighter.darker.QueryLogging;
import io.brighter.handlers.ConfiguredBy;
import java.util.function.Function;

/**
 * The decorator inserted by {@link QueryLogging} on synchronous handlers: logs the query type on
 * the way in, and the elapsed time or the failure on the way out; the result passes through
 * untouched. Created by the query processor, never by users.
 *
 * {@snippet :
 * @Override
 * @QueryLogging(step = 1)
 * public Greeting execute(FindGreeting query) { ... }
 * }
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
public final class QueryLoggingDecorator<Q extends Query<R>, R>
    implements QueryDecorator<Q, R>, ConfiguredBy<QueryLogging> {

  private String target = "";

  @Override
  public void configure(QueryLogging annotation, Class<?> targetHandler) {
    target = targetHandler.getSimpleName();
  }

  @Override
  public R execute(Q query, QueryContext context, Function<Q, R> next, Function<Q, R> fallback) {
    long started = System.nanoTime();
    QueryLog.executing(target, query);
    try {
      R result = next.apply(query);
      QueryLog.executed(target, query, started);
      return result;
    } catch (RuntimeException | Error e) {
      QueryLog.failed(target, query, started, e);
      throw e;
    }
  }
}
