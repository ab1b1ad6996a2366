package io.brighter.darker.resilience;

import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecorator;
import io.brighter.darker.RetryableQuery;
import io.brighter.handlers.PreparedBy;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipeline;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
public final class RetryableQueryDecorator<Q extends Query<R>, R>
    implements QueryDecorator<Q, R>, PreparedBy<RetryableQuery, PolicyReference> {

  private @Nullable PolicyReference policy;

  @Override
  public PolicyReference prepare(RetryableQuery annotation, Class<?> targetHandler) {
    return new PolicyReference(annotation.policy(), "@RetryableQuery", targetHandler);
  }

  @Override
  public void configure(PolicyReference prepared) {
    policy = prepared;
  }

  @Override
  public R execute(Q query, QueryContext context, Function<Q, R> next, Function<Q, R> fallback) {
    return pipeline(context).execute(() -> next.apply(query));
  }

  private ResiliencePipeline pipeline(QueryContext context) {
    PolicyReference configured = policy;
    if (configured == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    return configured.lookup(context.resiliencePipelines().orElse(null));
  }
}
