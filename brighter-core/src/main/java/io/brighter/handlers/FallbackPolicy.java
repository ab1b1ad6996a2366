package io.brighter.handlers;

import io.brighter.handlers.fallback.FallbackPolicyHandler;
import io.brighter.handlers.fallback.FallbackPolicyHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calls the pipeline's {@code fallback} chain instead of failing, when the rest of the pipeline
 * throws.
 *
 * <ul>
 *   <li>{@code backstop = true}: any exception triggers the fallback.
 *   <li>{@code circuitBreaker = true}: only an open circuit (Resilience4j {@code
 *       CallNotPermittedException}) does; other exceptions propagate.
 * </ul>
 *
 * <p>The exception caught is put in the request context bag under {@link #CAUSE_KEY} before the
 * fallback runs.
 *
 * {@snippet :
 * @Override
 * @FallbackPolicy(backstop = true, step = 1)
 * public AddGreeting handle(AddGreeting command) { ... }
 *
 * @Override
 * public AddGreeting fallback(AddGreeting command) {
 *   Exception cause = (Exception) context().bag().get(FallbackPolicy.CAUSE_KEY);
 *   return super.fallback(command);
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = FallbackPolicyHandler.class, asyncHandler = FallbackPolicyHandlerAsync.class)
public @interface FallbackPolicy {

  /** The bag key under which the exception that triggered the fallback is stored. */
  String CAUSE_KEY = "Fallback_Exception_Cause";

  /** Fall back on any exception. */
  boolean backstop() default true;

  /** Fall back only when a circuit breaker refuses the call; takes precedence over backstop. */
  boolean circuitBreaker() default false;

  /** Position in the pipeline: lower runs first. */
  int step();

  /** Before or after the target handler; before by default. */
  HandlerTiming timing() default HandlerTiming.BEFORE;
}
