package io.brighter.darker;

import io.brighter.darker.fallback.FallbackPolicyDecorator;
import io.brighter.darker.fallback.FallbackPolicyDecoratorAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers with the handler's {@link QueryHandler#fallback} (or {@link
 * QueryHandlerAsync#fallbackAsync}) when the rest of the pipeline fails with one of {@link
 * #exceptions()}; any other failure propagates. The failure caught is put in the context bag under
 * {@link #CAUSE_KEY} before the fallback runs.
 *
 * {@snippet :
 * @Override
 * @FallbackPolicy(step = 1, exceptions = RepositoryUnavailableException.class)
 * public Greeting execute(FindGreeting query) { ... }
 *
 * @Override
 * public Greeting fallback(FindGreeting query) {
 *   Throwable cause = (Throwable) context().bag().get(FallbackPolicy.CAUSE_KEY);
 *   return Greeting.UNKNOWN;
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@QueryMiddleware(
    decorator = FallbackPolicyDecorator.class,
    asyncDecorator = FallbackPolicyDecoratorAsync.class)
public @interface FallbackPolicy {

  /** The bag key under which the failure that triggered the fallback is stored. */
  String CAUSE_KEY = io.brighter.handlers.FallbackPolicy.CAUSE_KEY;

  /** Position in the pipeline: lower runs first. */
  int step();

  /** The failures, with their subtypes, that trigger the fallback; any exception by default. */
  Class<? extends Throwable>[] exceptions() default {Exception.class};
}
