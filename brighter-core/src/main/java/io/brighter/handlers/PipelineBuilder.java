package io.brighter.handlers;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.inbox.InboxConfiguration;
import io.brighter.internal.HandlerInstances;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
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
 * order. A global inbox given to the builder runs outside {@code A}. The annotations are read once
 * per handler class, and each handler type's creator is asked of the {@link HandlerFactory} once
 * per builder; later runs only create instances and link them.
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
  private final @Nullable InboxConfiguration globalInbox;
  // Per builder, because creators come from this builder's factory and the global inbox is the
  // builder's own.
  private final ClassValue<ResolvedPipeline> resolved =
      new ClassValue<>() {
        @Override
        protected ResolvedPipeline computeValue(Class<?> handlerType) {
          HandlerBlueprint blueprint = BLUEPRINTS.get(handlerType);
          return ResolvedPipeline.of(
              blueprint, instances, GlobalInbox.stepFor(globalInbox, blueprint));
        }
      };

  /** A builder that creates and releases handlers through {@code factory}. */
  public PipelineBuilder(HandlerFactory factory) {
    this(factory, null);
  }

  /**
   * A builder that creates and releases handlers through {@code factory} and, when {@code
   * globalInbox} is given, puts the inbox middleware outermost in every pipeline without its own
   * {@link UseInbox} or a {@link NoGlobalInbox}.
   */
  public PipelineBuilder(HandlerFactory factory, @Nullable InboxConfiguration globalInbox) {
    this.instances = new HandlerInstances(requireNonNull(factory, "factory must not be null"));
    this.globalInbox = globalInbox;
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
   * As {@link #validate(Class)}, and checks the global inbox can be added to the pipeline: its
   * context key strategy gives the handler a key that is not blank.
   */
  public static void validate(Class<?> handlerType, @Nullable InboxConfiguration globalInbox) {
    GlobalInbox.stepFor(globalInbox, BLUEPRINTS.get(handlerType));
  }

  /** The middleware annotations on {@code handlerType}'s handle method, in run order. */
  public static List<Annotation> middlewareOf(Class<?> handlerType) {
    HandlerBlueprint blueprint = BLUEPRINTS.get(handlerType);
    return Stream.concat(blueprint.before().stream(), blueprint.after().stream())
        .map(step -> step.settings().annotation())
        .toList();
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
    ResolvedPipeline pipeline = resolved(handlerType, false);
    if (pipeline.size() == 1) {
      return runAlone(pipeline, request, context);
    }
    Object[] lifetime = new Object[pipeline.size()];
    try {
      RequestHandler<T> next = null;
      for (int i = pipeline.size() - 1; i >= 0; i--) {
        RequestHandler<T> handler = asSync(pipeline.type(i), create(pipeline, i, lifetime));
        handler.link(next, context);
        pipeline.configure(i, handler);
        next = handler;
      }
      return requireNonNull(next).handle(request);
    } finally {
      instances.releaseAll(lifetime);
    }
  }

  /** The common case of a handler without middleware: no chain to build. */
  private <T extends Request> T runAlone(
      ResolvedPipeline pipeline, T request, RequestContext context) {
    Class<?> handlerType = pipeline.handlerType();
    Object created = instances.create(pipeline.creator(0), handlerType, handlerType);
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
      ResolvedPipeline pipeline = resolved(handlerType, true);
      lifetime = new Object[pipeline.size()];
      RequestHandlerAsync<T> next = null;
      for (int i = pipeline.size() - 1; i >= 0; i--) {
        RequestHandlerAsync<T> handler = asAsync(pipeline.type(i), create(pipeline, i, lifetime));
        handler.link(next, context);
        pipeline.configure(i, handler);
        next = handler;
      }
      RequestHandlerAsync<T> head = requireNonNull(next);
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

  private ResolvedPipeline resolved(Class<?> handlerType, boolean async) {
    ResolvedPipeline pipeline = resolved.get(handlerType);
    if (pipeline.async() != async) {
      throw new ConfigurationException(
          handlerType.getName()
              + (async
                  ? " is a synchronous handler and cannot run in an asynchronous pipeline"
                  : " is an asynchronous handler and cannot run in a synchronous pipeline"));
    }
    return pipeline;
  }

  private Object create(ResolvedPipeline pipeline, int index, Object[] lifetime) {
    Object created =
        instances.create(pipeline.creator(index), pipeline.type(index), pipeline.handlerType());
    lifetime[index] = created;
    return created;
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
  private static <T extends Request> RequestHandlerAsync<T> asAsync(Class<?> type, Object created) {
    if (!(created instanceof RequestHandlerAsync<?> handler)) {
      throw HandlerInstances.wrongType(type, created, RequestHandlerAsync.class);
    }
    return (RequestHandlerAsync<T>) handler;
  }
}
