package io.brighter.darker;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The asynchronous twin of {@link QueryDecorator}: wraps a {@link QueryHandlerAsync} without
 * blocking. Created per execution and released when the execution's future completes.
 *
 * {@snippet :
 * public final class AuditDecoratorAsync<Q extends Query<R>, R>
 *     implements QueryDecoratorAsync<Q, R> {
 *   @Override
 *   public CompletableFuture<R> executeAsync(
 *       Q query,
 *       QueryContext context,
 *       Function<Q, CompletableFuture<R>> next,
 *       Function<Q, CompletableFuture<R>> fallback) {
 *     audit.record(query);
 *     return next.apply(query);
 *   }
 * }
 * }
 *
 * <p>{@code next} and {@code fallback} never throw: their failures arrive as failed futures.
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
@FunctionalInterface
public interface QueryDecoratorAsync<Q extends Query<R>, R> {

  /**
   * Runs {@code query} through the rest of the pipeline, or not.
   *
   * @param query the query being executed
   * @param context the execution's context, shared with the handler
   * @param next the rest of the pipeline: inner decorators, then the handler's {@code executeAsync}
   * @param fallback the handler's {@link QueryHandlerAsync#fallbackAsync}
   * @return a future of the answer
   */
  CompletableFuture<R> executeAsync(
      Q query,
      QueryContext context,
      Function<Q, CompletableFuture<R>> next,
      Function<Q, CompletableFuture<R>> fallback);
}
