package io.brighter.handlers;

import io.brighter.handlers.timeout.TimeoutPolicyHandler;
import io.brighter.handlers.timeout.TimeoutPolicyHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds how long the rest of the pipeline may take. When the time is up the caller gets a {@link
 * io.brighter.handlers.timeout.HandlerTimeoutException} and the rest of the pipeline is cancelled:
 * a synchronous pipeline runs on a virtual thread that is interrupted, an asynchronous one has its
 * future cancelled.
 *
 * {@snippet :
 * @Override
 * @TimeoutPolicy(milliseconds = 500, step = 1)
 * public AddGreeting handle(AddGreeting command) { ... }
 * }
 *
 * <p>The synchronous flavour hands the rest of the pipeline to another thread, so thread-bound
 * state (a transaction bound to the calling thread, say) does not follow it. Handlers below it
 * should stop when interrupted.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = TimeoutPolicyHandler.class, asyncHandler = TimeoutPolicyHandlerAsync.class)
public @interface TimeoutPolicy {

  /** The time allowed, in milliseconds; must be positive. */
  long milliseconds();

  /** Position in the pipeline: lower runs first. */
  int step();

  /** Before or after the target handler; before by default. */
  HandlerTiming timing() default HandlerTiming.BEFORE;
}
