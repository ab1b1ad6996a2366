package io.brighter.darker.resilience;

import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecorator;
import io.brighter.darker.RetryableQuery;
import java.util.function.Function;

/**
 * The decorator inserted by {@link RetryableQuery} on synchronous handlers: runs the rest of the
 * pipeline inside the named {@link io.brighter.resilience.ResiliencePipeline}, so each retry runs
 * the inner decorators and the handler again. Created by the query processor, never by users.
 *
 * {@snippet :
 * @Override
 * @RetryableQuery(step = 2, policy = "greetings-retry")
 * public Greeting execute(FindGreeting query) { ... }
 * }
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
public final class RetryableQueryDecorator<Q extends Query<R>, R> extends RetryableQueryPreparation
    implements QueryDecorator<Q, R> {

  @Override
  public R execute(Q query, QueryContext context, Function<Q, R> next, Function<Q, R> fallback) {
    return pipeline(context).execute(() -> next.apply(query));
  }
}
