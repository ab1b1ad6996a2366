package io.brighter;

import java.util.List;

/**
 * One or more handlers of a published event failed. Every handler ran; {@link #failures()} holds
 * each failure in handler registration order. The first is also the {@linkplain #getCause() cause},
 * and all are {@linkplain #getSuppressed() suppressed} exceptions so stack traces show them.
 */
public final class PublishFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Throwable> failures;

  private PublishFailedException(String message, List<Throwable> failures) {
    super(message, failures.getFirst());
    this.failures = List.copyOf(failures);
    failures.forEach(this::addSuppressed);
  }

  /**
   * The failures of {@code handlerCount} handlers of {@code event}.
   *
   * @param failures at least one failure
   */
  public static PublishFailedException of(Event event, int handlerCount, List<Throwable> failures) {
    if (failures.isEmpty()) {
      throw new IllegalArgumentException("a publish failure needs at least one failure");
    }
    String message =
        failures.size()
            + " of "
            + handlerCount
            + " handlers failed for "
            + event.getClass().getName()
            + " "
            + event.id();
    return new PublishFailedException(message, failures);
  }

  /** Each handler's failure. */
  public List<Throwable> failures() {
    return failures;
  }
}
