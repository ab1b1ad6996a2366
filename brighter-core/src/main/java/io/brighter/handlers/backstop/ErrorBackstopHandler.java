package io.brighter.handlers.backstop;

import io.brighter.Request;
import io.brighter.handlers.PreparedRequestHandler;
import java.lang.annotation.Annotation;

/**
 * The handler inserted by {@link io.brighter.handlers.RejectMessageOnError}, {@link
 * io.brighter.handlers.DeferMessageOnError} and {@link io.brighter.handlers.DontAckOnError}:
 * rethrows any exception from the rest of the pipeline as the message action the annotation names.
 * A message action thrown by a handler itself passes unchanged.
 *
 * @param <T> the request type
 */
public final class ErrorBackstopHandler<T extends Request>
    extends PreparedRequestHandler<T, Annotation, ErrorBackstop> {

  @Override
  public ErrorBackstop prepare(Annotation annotation, Class<?> targetHandler) {
    return ErrorBackstop.of(annotation, targetHandler);
  }

  @Override
  public T handle(T request) {
    try {
      return super.handle(request);
    } catch (RuntimeException failure) {
      throw settings().actionFor(failure);
    }
  }
}
