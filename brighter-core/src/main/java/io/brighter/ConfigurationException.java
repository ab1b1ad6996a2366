package io.brighter;

/**
 * The framework was asked to do something its configuration cannot support: no handler for a
 * command, two handlers for a command, a pipeline mixing synchronous and asynchronous handlers, a
 * resilience pipeline name that is not registered, and the like. It signals a programming or wiring
 * error, not a transient failure, so retrying will not help.
 */
public class ConfigurationException extends NonTransientException {

  private static final long serialVersionUID = 1L;

  /** A configuration error described by {@code message}. */
  public ConfigurationException(String message) {
    super(message, null);
  }

  /** A configuration error described by {@code message}, caused by {@code cause}. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
