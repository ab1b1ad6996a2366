package io.brighter.messaging;

/**
 * How a subscription's message pumps run its handlers.
 *
 * {@snippet :
 * Subscription.builder().messagePumpType(MessagePumpType.PROACTOR) // ...
 * }
 */
public enum MessagePumpType {
  /** A blocking loop on its own thread, calling the synchronous handlers with {@code send}. */
  REACTOR,
  /**
   * A loop whose steps run on the pump's own single-thread executor, calling asynchronous handlers
   * with {@code sendAsync}; one message is handled at a time, in order.
   */
  PROACTOR
}
