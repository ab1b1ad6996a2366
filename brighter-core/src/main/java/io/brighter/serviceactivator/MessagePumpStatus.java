package io.brighter.serviceactivator;

/**
 * Where a message pump is in its life, as {@link Dispatcher#state()} reports it.
 *
 * {@snippet :
 * boolean healthy = dispatcher.state().stream()
 *     .allMatch(consumer -> consumer.status() == MessagePumpStatus.STARTED);
 * }
 */
public enum MessagePumpStatus {
  /** Reading and handling messages. */
  STARTED,
  /** Stopped when asked to (by the dispatcher or a quit message). */
  STOPPED,
  /**
   * Stopped by a failure: a configuration error while handling, or a channel that failed other than
   * with a {@link io.brighter.messaging.ChannelFailureException}. {@link ConsumerState#error()}
   * says which.
   */
  ERROR,
  /** Stopped because it met the subscription's unacceptable message limit. */
  LIMIT_EXCEEDED
}
