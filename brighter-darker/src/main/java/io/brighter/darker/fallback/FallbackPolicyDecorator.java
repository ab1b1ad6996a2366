package io.brighter.darker.fallback;

import io.brighter.darker.FallbackPolicy;
import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecorator;
import java.util.function.Function;

/**
 * The decorator inserted by {@link FallbackPolicy} on synchronous handlers: when the rest of the
 * pipeline throws one of the policy's exceptions, stores it in the bag under {@link
 * FallbackPolicy#CAUSE_KEY} and returns the handler's {@code fallback}; rethrows anything else.
 * Created by the query processor, never by users.
 *
 * {@snippet :
 * @Override
 * @FallbackPolicy(step = 1, exceptions = TimeoutException.class)
 * public Greeting execute(FindGreeting query) { ... }
 * }
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
public final class FallbackPolicyDecorator<Q extends Query<R>, R> extends FallbackPolicyPreparation
    implements QueryDecorator<Q, R> {

  @Override
  public R execute(Q query, QueryContext context, Function<Q, R> next, Function<Q, R> fallback) {
    try {
      return next.apply(query);
    } catch (RuntimeException | Error failure) {
      if (!catches(failure, context)) {
        throw failure;
      }
      return fallback.apply(query);
    }
  }
}
