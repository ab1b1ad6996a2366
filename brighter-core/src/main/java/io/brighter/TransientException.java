package io.brighter;

import org.jspecify.annotations.Nullable;

/**
 * A failure that may pass: the same call can succeed later, once a broker or database is back, a
 * confirm arrives, or an outbox has drained. The root of {@link
 * io.brighter.messaging.ChannelFailureException}, the transports' publish and connection failures
 * and {@link io.brighter.outbox.OutboxLimitReachedException}.
 */
public class TransientException extends BrighterException {

  private static final long serialVersionUID = 1L;

  /** A transient failure described by {@code message}, caused by {@code cause} when given. */
  public TransientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Always true. */
  @Override
  public final boolean isTransient() {
    return true;
  }
}
