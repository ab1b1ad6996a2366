package io.brighter.rabbitmq;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * RabbitMQ could not be reached: every connect try failed, or the circuit breaker is open after an
 * earlier run of failures. Transient: the caller tries again later (a message pump after its
 * channel-failure delay, the outbox sweeper on its next pass).
 */
public final class RmqBrokerUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private RmqBrokerUnreachableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Every one of {@code tries} connects to {@code uri} failed, the last with {@code cause}. */
  public static RmqBrokerUnreachableException createAfterTries(
      String uri, int tries, @Nullable Throwable cause) {
    return new RmqBrokerUnreachableException(
        "Could not connect to RabbitMQ at " + uri + " after " + tries + " tries: " + cause, cause);
  }

  /** The circuit to {@code uri} is open for another {@code remaining}. */
  public static RmqBrokerUnreachableException createCircuitOpen(String uri, Duration remaining) {
    return new RmqBrokerUnreachableException(
        "Not connecting to RabbitMQ at "
            + uri
            + ": the circuit is open for another "
            + remaining.toMillis()
            + " ms after repeated failures",
        null);
  }
}
