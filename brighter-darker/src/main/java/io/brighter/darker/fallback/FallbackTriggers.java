package io.brighter.darker.fallback;

import io.brighter.darker.FallbackPolicy;
import io.brighter.darker.QueryContext;
import java.util.List;

/**
 * The failures a {@link FallbackPolicy} falls back on, read once per handler class.
 *
 * @param exceptions the listed types; a failure matches when it is an instance of one of them
 */
public record FallbackTriggers(List<Class<? extends Throwable>> exceptions) {

  /** Matches nothing: the state of a decorator that was not configured. */
  public static final FallbackTriggers NONE = new FallbackTriggers(List.of());

  /** Copies the list. */
  public FallbackTriggers {
    exceptions = List.copyOf(exceptions);
  }

  /** The triggers {@code annotation} lists. */
  public static FallbackTriggers of(FallbackPolicy annotation) {
    return new FallbackTriggers(List.of(annotation.exceptions()));
  }

  /**
   * Whether {@code failure} triggers the fallback; when it does, it is stored in the bag under
   * {@link FallbackPolicy#CAUSE_KEY} for the handler's fallback to read.
   */
  public boolean catches(Throwable failure, QueryContext context) {
    for (Class<? extends Throwable> type : exceptions) {
      if (type.isInstance(failure)) {
        context.bag().put(FallbackPolicy.CAUSE_KEY, failure);
        return true;
      }
    }
    return false;
  }
}
