package io.brighter.handlers;

import io.brighter.handlers.backstop.ErrorBackstopHandler;
import io.brighter.handlers.backstop.ErrorBackstopHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns any exception from the rest of the pipeline into a {@link
 * io.brighter.actions.DontAckAction}, so a consumer neither acknowledges nor rejects the message
 * and it is delivered again. Put it outermost (lowest step).
 *
 * {@snippet :
 * @Override
 * @DontAckOnError(step = 0)
 * public GreetingAdded handle(GreetingAdded event) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = ErrorBackstopHandler.class, asyncHandler = ErrorBackstopHandlerAsync.class)
public @interface DontAckOnError {

  /** Position in the pipeline: lower runs first. */
  int step();
}
