package io.brighter.handlers;

import io.brighter.Request;
import io.brighter.RequestContext;
import org.jspecify.annotations.Nullable;

/**
 * A synchronous handler for requests of type {@code T}, and the building block of a pipeline.
 *
 * <p>A pipeline is a chain of handlers: middleware declared by annotations on {@link #handle}, then
 * the target handler, then any {@link HandlerTiming#AFTER} middleware. Each handler passes the
 * request on by calling {@code super.handle(request)}; a handler that returns without doing so ends
 * the pipeline there. The last handler's {@code super.handle} returns the request.
 *
 * {@snippet :
 * public final class AddGreetingHandler extends RequestHandler<AddGreeting> {
 *   @Override
 *   @RequestLogging(step = 1)
 *   public AddGreeting handle(AddGreeting command) {
 *     greetings.add(command.name());
 *     return super.handle(command);
 *   }
 * }
 * }
 *
 * <p>Instances are created per pipeline run by the {@link HandlerFactory} and released after it, so
 * a handler may keep per-request state in fields; it is never shared between threads.
 *
 * @param <T> the request type handled
 */
public abstract class RequestHandler<T extends Request> {

  private @Nullable RequestHandler<T> successor;
  private @Nullable RequestContext context;

  /** Handles the request; call {@code super.handle(request)} to pass it down the pipeline. */
  public T handle(T request) {
    RequestHandler<T> next = successor;
    return next == null ? request : next.handle(request);
  }

  /**
   * Called by {@code @FallbackPolicy} middleware instead of the rest of the pipeline when it
   * failed. The default passes the call down the pipeline, so every handler below the policy gets
   * the chance to compensate; override it to act, and call {@code super.fallback} to keep the chain
   * going.
   */
  public T fallback(T request) {
    RequestHandler<T> next = successor;
    return next == null ? request : next.fallback(request);
  }

  /** The context of the pipeline run this handler is part of. */
  public final RequestContext context() {
    RequestContext current = context;
    if (current == null) {
      throw new IllegalStateException(
          getClass().getName() + " is not part of a pipeline: its context is not set yet");
    }
    return current;
  }

  /** The name shown in pipeline descriptions and logs. */
  public String name() {
    return getClass().getSimpleName();
  }

  final void link(@Nullable RequestHandler<T> next, RequestContext pipelineContext) {
    this.successor = next;
    this.context = pipelineContext;
  }
}
