package io.brighter.messaging;

import io.brighter.TransientException;
import org.jspecify.annotations.Nullable;

/**
 * The channel could not be read: the broker is down or unreachable, the connection dropped. A
 * transport's consumer wraps its connectivity errors in this exception; a message pump waits the
 * subscription's {@link Subscription#channelFailureDelay()} and tries again, so it survives a
 * broker restart.
 *
 * {@snippet :
 * try {
 *   return client.poll(timeout);
 * } catch (IOException e) {
 *   throw ChannelFailureException.of(subscription.channelName(), e);
 * }
 * }
 */
public class ChannelFailureException extends TransientException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} when given. */
  public ChannelFailureException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** A failure to read {@code channelName}, caused by {@code cause}. */
  public static ChannelFailureException of(String channelName, Throwable cause) {
    return new ChannelFailureException(
        "Could not read channel " + channelName + ": " + cause.getMessage(), cause);
  }
}
