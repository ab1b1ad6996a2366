package io.brighter.messaging;

/**
 * A transport's token for one delivery of a message: what its consumer needs to settle that
 * delivery (a delivery tag and channel, a partition and offset, a lock token). A consumer attaches
 * it to each {@link Message} it receives, beside the header rather than in its bag, so it never
 * reaches a store or the wire, and finds it again when the message comes back to be acknowledged,
 * requeued or rejected. Copies made with {@link Message#withHeader} or {@link Message#withBody}
 * keep it. Each transport has its own implementation; nothing else needs to look inside.
 *
 * {@snippet :
 * record RmqReceipt(long deliveryNumber, boolean redelivered) implements Receipt {}
 * return new Message(header, body, new RmqReceipt(number, envelope.isRedeliver()));
 * }
 */
public interface Receipt {

  /** Whether the broker delivered this message before; false when the transport cannot tell. */
  default boolean redelivered() {
    return false;
  }
}
