package io.brighter.handlers.backstop;

import io.brighter.actions.DeferMessageAction;
import io.brighter.actions.DontAckAction;
import io.brighter.actions.InvalidMessageAction;
import io.brighter.actions.RejectMessageAction;
import io.brighter.handlers.DeferMessageOnError;
import io.brighter.handlers.DontAckOnError;
import io.brighter.handlers.RejectMessageOnError;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.function.Function;

/**
 * Turns a handler's failure into the message action its backstop annotation asks for; made once per
 * handler class.
 *
 * @param toAction wraps a failure in the action
 */
public record ErrorBackstop(Function<RuntimeException, RuntimeException> toAction) {

  /** Passes failures on unchanged. */
  public static final ErrorBackstop PASS_THROUGH = new ErrorBackstop(failure -> failure);

  /** The backstop {@code annotation} on {@code targetHandler} asks for. */
  public static ErrorBackstop of(Annotation annotation, Class<?> targetHandler) {
    String handler = targetHandler.getSimpleName();
    return switch (annotation) {
      case RejectMessageOnError reject ->
          new ErrorBackstop(
              failure ->
                  new RejectMessageAction(handler + " failed: " + failure.getMessage(), failure));
      case DeferMessageOnError defer ->
          new ErrorBackstop(
              failure ->
                  new DeferMessageAction(
                      defer.delayMilliseconds() > 0
                          ? Duration.ofMillis(defer.delayMilliseconds())
                          : null,
                      handler + " failed: " + failure.getMessage(),
                      failure));
      case DontAckOnError dontAck ->
          new ErrorBackstop(
              failure -> new DontAckAction(handler + " failed: " + failure.getMessage(), failure));
      default ->
          throw new io.brighter.ConfigurationException(
              "@" + annotation.annotationType().getSimpleName() + " is not an error backstop");
    };
  }

  /**
   * The action to throw for {@code failure}; actions already chosen by a handler pass as they are.
   */
  public RuntimeException actionFor(RuntimeException failure) {
    if (failure instanceof DeferMessageAction
        || failure instanceof RejectMessageAction
        || failure instanceof DontAckAction
        || failure instanceof InvalidMessageAction) {
      return failure;
    }
    return toAction.apply(failure);
  }
}
