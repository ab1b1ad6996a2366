package io.brighter;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The root of the failures Brighter raises, split by whether trying again can help: a {@link
 * TransientException} (a broker or database away for a while, a confirm that did not come, an
 * outbox over its limit) may pass, a {@link NonTransientException} (a configuration error) will
 * not. A store's failure can be either, by its cause, and answers {@link #isTransient()} itself.
 *
 * <p>{@link #isTransient(Throwable)} is the test a caller uses, on any exception: a message pump
 * requeues a message whose handler failed transiently rather than dead-lettering it.
 *
 * {@snippet :
 * catch (RuntimeException e) {
 *   if (BrighterException.isTransient(e)) {
 *     retryLater(request);
 *   } else {
 *     throw e;
 *   }
 * }
 * }
 */
public class BrighterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} when given. */
  public BrighterException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Whether trying the same thing again later can succeed; false unless a subclass says so. */
  public boolean isTransient() {
    return false;
  }

  /**
   * Whether {@code failure} is transient: the first {@link BrighterException} on its cause chain
   * says so, and otherwise a JDK exception known to be ({@link SQLTransientException}, {@link
   * SQLRecoverableException}, {@link TimeoutException}), or an {@link SQLException} whose SQLState
   * says the database went away or must be asked again: class 08 (connection exception), 40
   * (transaction rollback: serialization failure, deadlock), 53 (insufficient resources), and 57P01
   * to 57P03 (the server shutting down or starting up). Drivers report a database that was stopped
   * with those states rather than with the JDK's transient types.
   */
  public static boolean isTransient(@Nullable Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure;
        cause != null && depth < 16;
        cause = cause.getCause(), depth++) {
      if (cause instanceof BrighterException brighter) {
        return brighter.isTransient();
      }
      if (cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof TimeoutException
          || (cause instanceof SQLException sql && transientState(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean transientState(@Nullable String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("40")
            || state.startsWith("53")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
