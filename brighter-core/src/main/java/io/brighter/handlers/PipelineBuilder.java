package io.brighter.handlers;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.internal.HandlerInstances;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Builds a handler's pipeline for one request, runs it, and releases every handler it created. The
 * command processor uses it for {@code send} and {@code publish}; the dispatcher for each message
 * it receives.
 *
 * <p>For a handler whose {@code handle} method carries middleware annotations {@code @A(step = 1)},
 * {@code @B(step = 2)} and {@code @C(step = 3, timing = AFTER)}, the pipeline is
 *
 * <pre>A( B( Target ) ) -> C</pre>
 *
 * <p>so {@code A} runs first and sees everything below it, the target runs inside {@code B}, and
 * {@code C} runs only when the target calls {@code super.handle}. Equal steps keep declaration
 * order. The annotations are read once per handler class; later runs only create instances through
 * the {@link HandlerFactory} and link them.
 *
 * {@snippet :
 * PipelineBuilder pipelines = new PipelineBuilder(new SimpleHandlerFactory());
 * AddGreeting handled = pipelines.run(AddGreetingHandler.class, command, new RequestContext());
 * }
 *
 * <p>Thread-safe: each run builds its own handler instances.
 */
public final class PipelineBuilder {

  private static final ClassValue<HandlerBlueprint> BLUEPRINTS =
      new ClassValue<>() {
        @Override
        protected HandlerBlueprint computeValue(Class<?> handlerType) {
          return HandlerBlueprint.of(handlerType);
        }
      };

  private final HandlerInstances instances;

  /** A builder that creates and releases handlers through {@code factory}. */
  public PipelineBuilder(HandlerFactory factory) {
    this.instances = new HandlerInstances(requireNonNull(factory, "factory must not be null"));
  }

  /**
   * Checks that {@code handlerType}'s pipeline can be built: it extends {@link RequestHandler} or
   * {@link RequestHandlerAsync}, and every middleware on it matches that flavour.
   *
   * @throws ConfigurationException naming the handler and the offending annotation
   */
  public static void validate(Class<?> handlerType) {
    BLUEPRINTS.get(handlerType);
  }

  /**
   * The pipeline of {@code handlerType}, outermost first, e.g. {@code Logging(step 1) -> Target}.
   */
  public static String describe(Class<?> handlerType) {
    return BLUEPRINTS.get(handlerType).describe();
  }

  /**
   * Runs {@code request} through the synchronous pipeline of {@code handlerType}.
   *
   * @return what the pipeline's outermost handler returned
   * @throws ConfigurationException when the pipeline cannot be built; exceptions thrown by handlers
   *     propagate unchanged
   */
  public <T extends Request> T run(Class<?> handlerType, T request, RequestContext context) {
    HandlerBlueprint blueprint = blueprint(handlerType, false);
    if (blueprint.size() == 1) {
      return runAlone(handlerType, request, context);
    }
    Object[] lifetime = new Object[blueprint.size()];
    try {
      RequestHandler<T> head = buildSync(blueprint, context, lifetime);
      return head.handle(request);
    } finally {
      instances.releaseAll(lifetime);
    }
  }

  /** The common case of a handler without middleware: no chain to build. */
  private <T extends Request> T runAlone(Class<?> handlerType, T request, RequestContext context) {
    Object created = instances.create(handlerType, handlerType);
    try {
      RequestHandler<T> handler = asSync(handlerType, created);
      handler.link(null, context);
      return handler.handle(request);
    } finally {
      instances.release(created);
    }
  }

  /**
   * Runs {@code request} through the asynchronous pipeline of {@code handlerType}. The handlers are
   * released when the returned future completes.
   *
   * @return a future of what the outermost handler returned; it fails with a {@link
   *     ConfigurationException} when the pipeline cannot be built, or with the handler's exception
   */
  public <T extends Request> CompletableFuture<T> runAsync(
      Class<?> handlerType, T request, RequestContext context) {
    Object[] lifetime = null;
    try {
      HandlerBlueprint blueprint = blueprint(handlerType, true);
      lifetime = new Object[blueprint.size()];
      RequestHandlerAsync<T> head = buildAsync(blueprint, context, lifetime);
      CompletableFuture<T> result = head.handleAsync(request);
      if (result == null) {
        throw new IllegalStateException(head.name() + ".handleAsync returned null");
      }
      Object[] created = lifetime;
      return result.whenComplete((handled, failure) -> instances.releaseAll(created));
    } catch (Throwable failure) {
      if (lifetime != null) {
        instances.releaseAll(lifetime);
      }
      return CompletableFuture.failedFuture(failure);
    }
  }

  private static HandlerBlueprint blueprint(Class<?> handlerType, boolean async) {
    HandlerBlueprint blueprint = BLUEPRINTS.get(handlerType);
    if (blueprint.async() != async) {
      throw new ConfigurationException(
          handlerType.getName()
              + (async
                  ? " is a synchronous handler and cannot run in an asynchronous pipeline"
                  : " is an asynchronous handler and cannot run in a synchronous pipeline"));
    }
    return blueprint;
  }

  private <T extends Request> RequestHandler<T> buildSync(
      HandlerBlueprint blueprint, RequestContext context, Object[] lifetime) {
    Class<?> target = blueprint.handlerType();
    List<MiddlewareStep> before = blueprint.before();
    List<MiddlewareStep> after = blueprint.after();
    RequestHandler<T> next = null;
    for (int i = after.size() - 1; i >= 0; i--) {
      next = middlewareSync(after.get(i), target, next, context, lifetime, before.size() + 1 + i);
    }
    RequestHandler<T> handler = createSync(target, target, lifetime, before.size());
    handler.link(next, context);
    next = handler;
    for (int i = before.size() - 1; i >= 0; i--) {
      next = middlewareSync(before.get(i), target, next, context, lifetime, i);
    }
    return next;
  }

  private <T extends Request> RequestHandler<T> middlewareSync(
      MiddlewareStep step,
      Class<?> target,
      @Nullable RequestHandler<T> next,
      RequestContext context,
      Object[] lifetime,
      int slot) {
    RequestHandler<T> handler = createSync(step.handlerType(), target, lifetime, slot);
    handler.link(next, context);
    step.settings().configure(handler);
    return handler;
  }

  private <T extends Request> RequestHandlerAsync<T> buildAsync(
      HandlerBlueprint blueprint, RequestContext context, Object[] lifetime) {
    Class<?> target = blueprint.handlerType();
    List<MiddlewareStep> before = blueprint.before();
    List<MiddlewareStep> after = blueprint.after();
    RequestHandlerAsync<T> next = null;
    for (int i = after.size() - 1; i >= 0; i--) {
      next = middlewareAsync(after.get(i), target, next, context, lifetime, before.size() + 1 + i);
    }
    RequestHandlerAsync<T> handler = createAsync(target, target, lifetime, before.size());
    handler.link(next, context);
    next = handler;
    for (int i = before.size() - 1; i >= 0; i--) {
      next = middlewareAsync(before.get(i), target, next, context, lifetime, i);
    }
    return next;
  }

  private <T extends Request> RequestHandlerAsync<T> middlewareAsync(
      MiddlewareStep step,
      Class<?> target,
      @Nullable RequestHandlerAsync<T> next,
      RequestContext context,
      Object[] lifetime,
      int slot) {
    RequestHandlerAsync<T> handler = createAsync(step.handlerType(), target, lifetime, slot);
    handler.link(next, context);
    step.settings().configure(handler);
    return handler;
  }

  private <T extends Request> RequestHandler<T> createSync(
      Class<?> type, Class<?> target, Object[] lifetime, int slot) {
    Object created = instances.create(type, target);
    lifetime[slot] = created;
    return asSync(type, created);
  }

  // The blueprint checked that the class extends RequestHandler; the registry paired it with T.
  @SuppressWarnings("unchecked")
  private static <T extends Request> RequestHandler<T> asSync(Class<?> type, Object created) {
    if (!(created instanceof RequestHandler<?> handler)) {
      throw HandlerInstances.wrongType(type, created, RequestHandler.class);
    }
    return (RequestHandler<T>) handler;
  }

  // The blueprint checked that the class extends RequestHandlerAsync; the registry paired it with
  // T.
  @SuppressWarnings("unchecked")
  private <T extends Request> RequestHandlerAsync<T> createAsync(
      Class<?> type, Class<?> target, Object[] lifetime, int slot) {
    Object created = instances.create(type, target);
    lifetime[slot] = created;
    if (!(created instanceof RequestHandlerAsync<?> handler)) {
      throw HandlerInstances.wrongType(type, created, RequestHandlerAsync.class);
    }
    return (RequestHandlerAsync<T>) handler;
  }
}
