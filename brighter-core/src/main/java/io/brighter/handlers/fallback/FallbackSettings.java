package io.brighter.handlers.fallback;

import io.brighter.handlers.FallbackPolicy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/** Which failures a {@link FallbackPolicy} catches. */
record FallbackSettings(boolean backstop, boolean circuitBreaker) {

  static final FallbackSettings NONE = new FallbackSettings(false, false);

  static FallbackSettings of(FallbackPolicy annotation) {
    return new FallbackSettings(annotation.backstop(), annotation.circuitBreaker());
  }

  /** Whether {@code failure} should trigger the fallback. */
  boolean catches(Throwable failure) {
    if (circuitBreaker) {
      return failure instanceof CallNotPermittedException;
    }
    return backstop && failure instanceof Exception;
  }
}
