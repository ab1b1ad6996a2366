package io.brighter;

import org.jspecify.annotations.Nullable;

/**
 * A failure that will not pass by itself: the same call fails the same way until something is
 * changed, code or configuration. The root of {@link ConfigurationException} and of a duplicate
 * refused by a once-only inbox.
 */
public class NonTransientException extends BrighterException {

  private static final long serialVersionUID = 1L;

  /** A non-transient failure described by {@code message}, caused by {@code cause} when given. */
  public NonTransientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
