package io.brighter.handlers;

import io.brighter.Request;
import io.brighter.RequestContext;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous handler for requests of type {@code T}; the non-blocking twin of {@link
 * RequestHandler}. Call {@code super.handleAsync(request)} to pass the request on; complete the
 * returned future exceptionally (or throw) to fail the pipeline.
 *
 * {@snippet :
 * public final class AddGreetingHandlerAsync extends RequestHandlerAsync<AddGreeting> {
 *   @Override
 *   public CompletableFuture<AddGreeting> handleAsync(AddGreeting command) {
 *     return repository.saveAsync(command.name()).thenCompose(saved -> super.handleAsync(command));
 *   }
 * }
 * }
 *
 * <p>An asynchronous pipeline holds only asynchronous handlers; mixing the two is a {@link
 * io.brighter.ConfigurationException} when the pipeline is built.
 *
 * @param <T> the request type handled
 */
public abstract class RequestHandlerAsync<T extends Request> {

  private @Nullable RequestHandlerAsync<T> successor;
  private @Nullable RequestContext context;

  /** Handles the request; call {@code super.handleAsync(request)} to pass it on. */
  public CompletableFuture<T> handleAsync(T request) {
    RequestHandlerAsync<T> next = successor;
    return next == null ? CompletableFuture.completedFuture(request) : next.handleAsync(request);
  }

  /** The asynchronous counterpart of {@link RequestHandler#fallback}. */
  public CompletableFuture<T> fallbackAsync(T request) {
    RequestHandlerAsync<T> next = successor;
    return next == null ? CompletableFuture.completedFuture(request) : next.fallbackAsync(request);
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

  final void link(@Nullable RequestHandlerAsync<T> next, RequestContext pipelineContext) {
    this.successor = next;
    this.context = pipelineContext;
  }
}
