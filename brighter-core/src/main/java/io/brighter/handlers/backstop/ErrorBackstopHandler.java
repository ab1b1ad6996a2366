package io.brighter.handlers.backstop;

import io.brighter.Request;
import io.brighter.handlers.PreparedBy;
import io.brighter.handlers.RequestHandler;
import java.lang.annotation.Annotation;

/**
 * The handler inserted by {@link io.brighter.handlers.RejectMessageOnError}, {@link
 * io.brighter.handlers.DeferMessageOnError} and {@link io.brighter.handlers.DontAckOnError}:
 * rethrows any exception from the rest of the pipeline as the message action the annotation names.
 * A message action thrown by a handler itself passes unchanged.
 *
 * @param <T> the request type
 */
public final class ErrorBackstopHandler<T extends Request> extends RequestHandler<T>
    implements PreparedBy<Annotation, ErrorBackstop> {

  private ErrorBackstop backstop = ErrorBackstop.PASS_THROUGH;

  @Override
  public ErrorBackstop prepare(Annotation annotation, Class<?> targetHandler) {
    return ErrorBackstop.of(annotation, targetHandler);
  }

  @Override
  public void configure(ErrorBackstop prepared) {
    backstop = prepared;
  }

  @Override
  public T handle(T request) {
    try {
      return super.handle(request);
    } catch (RuntimeException failure) {
      throw backstop.actionFor(failure);
    }
  }
}
