package io.brighter.handlers.fallback;

import io.brighter.handlers.FallbackPolicy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Which failures a {@link FallbackPolicy} catches, read once per handler class.
 *
 * @param backstop catch any exception
 * @param circuitBreaker catch only an open circuit
 */
public record FallbackSettings(boolean backstop, boolean circuitBreaker) {

  static final FallbackSettings NONE = new FallbackSettings(false, false);

  /** The settings {@code annotation} asks for. */
  public static FallbackSettings of(FallbackPolicy annotation) {
    return new FallbackSettings(annotation.backstop(), annotation.circuitBreaker());
  }

  /** Whether {@code failure} should trigger the fallback. */
  public boolean catches(Throwable failure) {
    if (circuitBreaker) {
      return failure instanceof CallNotPermittedException;
    }
    return backstop && failure instanceof Exception;
  }
}
