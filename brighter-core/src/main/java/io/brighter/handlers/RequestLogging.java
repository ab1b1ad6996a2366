package io.brighter.handlers;

import io.brighter.handlers.logging.RequestLoggingHandler;
import io.brighter.handlers.logging.RequestLoggingHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Logs each request through SLF4J: its type and id when it enters the pipeline, and the time it
 * took when it leaves, or the failure. The request itself is logged only at DEBUG, because it may
 * hold personal data. The logger is {@code io.brighter.handlers.logging.RequestLoggingHandler}.
 *
 * {@snippet :
 * @Override
 * @RequestLogging(step = 1)
 * public AddGreeting handle(AddGreeting command) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = RequestLoggingHandler.class, asyncHandler = RequestLoggingHandlerAsync.class)
public @interface RequestLogging {

  /** Position in the pipeline: lower runs first. */
  int step();

  /** Before or after the target handler; before by default. */
  HandlerTiming timing() default HandlerTiming.BEFORE;
}
