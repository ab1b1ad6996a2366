package io.brighter.handlers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Test middleware (a second kind): records "trace4:&lt;step&gt;" in the {@link Journal} found in
 * the bag.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = TraceHandler.class, asyncHandler = TraceHandlerAsync.class)
public @interface Trace4 {
  int step();

  HandlerTiming timing() default HandlerTiming.BEFORE;
}
