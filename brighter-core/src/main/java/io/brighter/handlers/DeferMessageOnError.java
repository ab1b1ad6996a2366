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
 * io.brighter.actions.DeferMessageAction}, so a consumer requeues the message to try again later.
 * Put it outermost (lowest step).
 *
 * {@snippet :
 * @Override
 * @DeferMessageOnError(step = 0, delayMilliseconds = 1000)
 * public GreetingAdded handle(GreetingAdded event) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = ErrorBackstopHandler.class, asyncHandler = ErrorBackstopHandlerAsync.class)
public @interface DeferMessageOnError {

  /** Position in the pipeline: lower runs first. */
  int step();

  /** Delay before redelivery; 0 uses the subscription's requeue delay. */
  long delayMilliseconds() default 0;
}
