package io.brighter.darker.resilience;

import io.brighter.darker.Query;
import io.brighter.darker.QueryContext;
import io.brighter.darker.QueryDecoratorAsync;
import io.brighter.darker.RetryableQuery;
import io.brighter.handlers.PreparedBy;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipeline;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
    implements QueryDecoratorAsync<Q, R>, PreparedBy<RetryableQuery, PolicyReference> {

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
  public CompletableFuture<R> executeAsync(
      Q query,
      QueryContext context,
      Function<Q, CompletableFuture<R>> next,
      Function<Q, CompletableFuture<R>> fallback) {
    return pipeline(context).executeAsync(() -> next.apply(query));
  }

  private ResiliencePipeline pipeline(QueryContext context) {
    PolicyReference configured = policy;
    if (configured == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    return configured.lookup(context.resiliencePipelines().orElse(null));
  }
}
