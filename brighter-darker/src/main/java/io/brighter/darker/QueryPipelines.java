package io.brighter.darker;

import io.brighter.ConfigurationException;
import io.brighter.handlers.HandlerFactory;
import io.brighter.internal.Futures;
import io.brighter.internal.HandlerInstances;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipelineRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds a handler's decorator pipeline for one query, runs it, and releases the handler and every
 * decorator it created. For a handler whose {@code execute} carries {@code @A(step = 1)} and
 * {@code @B(step = 2)} the pipeline is {@code A(B(handler))}: {@code A} runs first and sees
 * everything below it. Annotations are read once per handler class; a run only creates instances
 * through the {@link HandlerFactory} and links them, and without decorators it calls the handler
 * directly.
 */
final class QueryPipelines {

  private static final ClassValue<QueryBlueprint> BLUEPRINTS =
      new ClassValue<>() {
        @Override
        protected QueryBlueprint computeValue(Class<?> handlerType) {
          return QueryBlueprint.of(handlerType);
        }
      };

  private final HandlerInstances instances;

  QueryPipelines(HandlerFactory factory) {
    this.instances = new HandlerInstances(factory);
  }

  /**
   * Checks that {@code handlerType}'s pipeline can be built in the given flavour and, given a
   * registry, that every {@code @RetryableQuery} on it names a registered policy.
   */
  static void validate(
      Class<?> handlerType, boolean async, @Nullable ResiliencePipelineRegistry resilience) {
    QueryBlueprint blueprint = blueprint(handlerType, async);
    if (resilience == null) {
      return;
    }
    for (DecoratorStep step : blueprint.decorators()) {
      if (step.settings().annotation() instanceof RetryableQuery retryable) {
        new PolicyReference(retryable.policy(), "@RetryableQuery", handlerType).lookup(resilience);
      }
    }
  }

  // The blueprint checked the handler's class; the registry paired it with the query's type.
  @SuppressWarnings("unchecked")
  <R> R run(Class<?> handlerType, Query<R> query, QueryContext context) {
    List<DecoratorStep> steps = blueprint(handlerType, false).decorators();
    Object created = instances.create(handlerType, handlerType);
    try {
      if (!(created instanceof QueryHandler<?, ?> untyped)) {
        throw HandlerInstances.wrongType(handlerType, created, QueryHandler.class);
      }
      QueryHandler<Query<R>, R> handler = (QueryHandler<Query<R>, R>) untyped;
      handler.attach(context);
      return steps.isEmpty()
          ? handler.execute(query)
          : decorated(handler, steps, handlerType, query, context);
    } finally {
      instances.release(created);
    }
  }

  // Each decorator class was checked to implement QueryDecorator; its type arguments follow Q, R.
  @SuppressWarnings("unchecked")
  private <R> R decorated(
      QueryHandler<Query<R>, R> handler,
      List<DecoratorStep> steps,
      Class<?> target,
      Query<R> query,
      QueryContext context) {
    @Nullable Object[] lifetime = new Object[steps.size()];
    try {
      Function<Query<R>, R> fallback = handler::fallback;
      Function<Query<R>, R> next = handler::execute;
      for (int i = steps.size() - 1; i >= 0; i--) {
        QueryDecorator<Query<R>, R> decorator =
            (QueryDecorator<Query<R>, R>)
                decorator(steps.get(i), target, lifetime, i, QueryDecorator.class);
        Function<Query<R>, R> inner = next;
        next = q -> decorator.execute(q, context, inner, fallback);
      }
      return next.apply(query);
    } finally {
      instances.releaseAll(lifetime);
    }
  }

  // As in run: the blueprint checked every class, the registry paired the handler with Q and R.
  @SuppressWarnings("unchecked")
  <R> CompletableFuture<R> runAsync(Class<?> handlerType, Query<R> query, QueryContext context) {
    @Nullable Object[] lifetime = null;
    try {
      List<DecoratorStep> steps = blueprint(handlerType, true).decorators();
      lifetime = new Object[steps.size() + 1];
      Object created = instances.create(handlerType, handlerType);
      lifetime[steps.size()] = created;
      if (!(created instanceof QueryHandlerAsync<?, ?> untyped)) {
        throw HandlerInstances.wrongType(handlerType, created, QueryHandlerAsync.class);
      }
      QueryHandlerAsync<Query<R>, R> handler = (QueryHandlerAsync<Query<R>, R>) untyped;
      handler.attach(context);
      Function<Query<R>, CompletableFuture<R>> next =
          q -> Futures.call(() -> handler.executeAsync(q));
      Function<Query<R>, CompletableFuture<R>> fallback =
          q -> Futures.call(() -> handler.fallbackAsync(q));
      for (int i = steps.size() - 1; i >= 0; i--) {
        QueryDecoratorAsync<Query<R>, R> decorator =
            (QueryDecoratorAsync<Query<R>, R>)
                decorator(steps.get(i), handlerType, lifetime, i, QueryDecoratorAsync.class);
        Function<Query<R>, CompletableFuture<R>> inner = next;
        next = q -> Futures.call(() -> decorator.executeAsync(q, context, inner, fallback));
      }
      @Nullable Object[] toRelease = lifetime;
      return next.apply(query).whenComplete((result, failure) -> instances.releaseAll(toRelease));
    } catch (RuntimeException | Error failure) {
      if (lifetime != null) {
        instances.releaseAll(lifetime);
      }
      return CompletableFuture.failedFuture(failure);
    }
  }

  private static QueryBlueprint blueprint(Class<?> handlerType, boolean async) {
    QueryBlueprint blueprint = BLUEPRINTS.get(handlerType);
    if (blueprint.async() != async) {
      throw new ConfigurationException(
          handlerType.getName()
              + (async
                  ? " is a synchronous query handler and cannot be run by executeAsync"
                  : " is an asynchronous query handler and cannot be run by execute"));
    }
    return blueprint;
  }

  private Object decorator(
      DecoratorStep step, Class<?> target, @Nullable Object[] lifetime, int slot, Class<?> needed) {
    Object created = instances.create(step.decoratorType(), target);
    lifetime[slot] = created;
    if (!needed.isInstance(created)) {
      throw HandlerInstances.wrongType(step.decoratorType(), created, needed);
    }
    step.settings().configure(created);
    return created;
  }
}
