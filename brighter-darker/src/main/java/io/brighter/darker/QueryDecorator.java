package io.brighter.darker;

import java.util.function.Function;

/**
 * Wraps a synchronous query handler, and the decorators inside it, with behaviour of its own:
 * logging, retries, fallbacks. A decorator is named by a {@link QueryMiddleware} annotation and
 * created through the {@link io.brighter.handlers.HandlerFactory} for every execution, then
 * released, so it may keep per-execution state. To read its annotation's parameters it implements
 * {@link io.brighter.handlers.ConfiguredBy}, which is called before {@link #execute}.
 *
 * {@snippet :
 * public final class AuditDecorator<Q extends Query<R>, R> implements QueryDecorator<Q, R> {
 *   @Override
 *   public R execute(Q query, QueryContext context, Function<Q, R> next, Function<Q, R> fallback) {
 *     audit.record(query, context.bag().get("user"));
 *     return next.apply(query);
 *   }
 * }
 * }
 *
 * <p>Exceptions thrown by {@code next} should propagate unchanged unless the decorator's purpose is
 * to handle them.
 *
 * @param <Q> the query type
 * @param <R> the result type
 */
@FunctionalInterface
public interface QueryDecorator<Q extends Query<R>, R> {

  /**
   * Runs {@code query} through the rest of the pipeline, or not.
   *
   * @param query the query being executed
   * @param context the execution's context, shared with the handler
   * @param next the rest of the pipeline: inner decorators, then the handler's {@code execute}
   * @param fallback the handler's {@link QueryHandler#fallback}
   * @return the answer
   */
  R execute(Q query, QueryContext context, Function<Q, R> next, Function<Q, R> fallback);
}
