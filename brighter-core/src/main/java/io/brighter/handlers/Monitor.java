package io.brighter.handlers;

import io.brighter.handlers.monitoring.MonitorHandler;
import io.brighter.handlers.monitoring.MonitorHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records each request through the handler as {@link MonitorEvent}s on the control bus: one when it
 * enters, one when it leaves with the time it took, or one when it throws, with the exception,
 * which is then thrown on. The events go through the {@link MonitorConfiguration} given to the
 * command processor; without one the middleware lets requests through unrecorded. A monitor that
 * cannot send never fails the handler: the failure is logged, and the request goes on.
 *
 * {@snippet :
 * @Override
 * @Monitor(step = 1)
 * public AddGreeting handle(AddGreeting command) { ... }
 * }
 *
 * <p>The events carry the request as JSON: do not monitor handlers whose requests hold data that
 * must not leave the service.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = MonitorHandler.class, asyncHandler = MonitorHandlerAsync.class)
public @interface Monitor {

  /** Position in the pipeline: lower runs first. */
  int step();

  /** Before or after the target handler; before by default. */
  HandlerTiming timing() default HandlerTiming.BEFORE;
}
