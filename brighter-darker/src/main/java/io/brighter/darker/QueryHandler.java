package io.brighter.darker;

import org.jspecify.annotations.Nullable;

/**
 * Answers queries of type {@code Q} with results of type {@code R}, synchronously. Each query type
 * has exactly one handler, registered in a {@link QueryHandlerRegistry}.
 *
 * <p>Decorators are declared by annotations on {@link #execute}: lower steps run first and wrap the
 * rest (see {@link QueryMiddleware}). A {@link FallbackPolicy} decorator calls {@link #fallback}
 * when the rest of the pipeline fails.
 *
 * {@snippet :
 * public final class FindGreetingHandler extends QueryHandler<FindGreeting, Greeting> {
 *   @Override
 *   @QueryLogging(step = 1)
 *   @FallbackPolicy(step = 2, exceptions = RepositoryUnavailableException.class)
 *   public Greeting execute(FindGreeting query) {
 *     return repository.find(query.id());
 *   }
 *
 *   @Override
 *   public Greeting fallback(FindGreeting query) {
 *     return Greeting.UNKNOWN;
 *   }
 * }
 * }
 *
 * <p>Instances are created per execution by the {@link io.brighter.handlers.HandlerFactory} and
 * released after it, so a handler is never shared between threads.
 *
 * @param <Q> the query type answered
 * @param <R> the result type
 */
public abstract class QueryHandler<Q extends Query<R>, R> {

  private @Nullable QueryContext context;

  /** Answers {@code query}; its exceptions reach the caller of {@code execute} unchanged. */
  public abstract R execute(Q query);

  /**
   * The answer when the pipeline failed and a {@link FallbackPolicy} caught the failure. The
   * default throws an {@link IllegalStateException}, caused by the failure the policy stored under
   * {@link FallbackPolicy#CAUSE_KEY}; override it to supply a degraded answer.
   */
  public R fallback(Q query) {
    throw noFallback(this, query, context);
  }

  /** The context of the execution this handler is part of. */
  public final QueryContext context() {
    return attached(this, context);
  }

  final void attach(QueryContext executionContext) {
    this.context = executionContext;
  }

  static QueryContext attached(Object handler, @Nullable QueryContext context) {
    if (context == null) {
      throw new IllegalStateException(
          handler.getClass().getName() + " is not part of a pipeline: its context is not set yet");
    }
    return context;
  }

  static IllegalStateException noFallback(
      Object handler, Query<?> query, @Nullable QueryContext context) {
    return new IllegalStateException(
        handler.getClass().getName()
            + " defines no fallback for "
            + query.getClass().getName()
            + ": override fallback to answer when its pipeline fails",
        context == null ? null : context.fallbackCause());
  }
}
