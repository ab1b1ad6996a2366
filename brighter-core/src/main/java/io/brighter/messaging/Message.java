package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;

/**
 * A request on its way between services: a {@link MessageHeader} and a {@link MessageBody}.
 * Immutable.
 *
 * {@snippet :
 * Message message = new Message(
 *     MessageHeader.builder(Id.random(), RoutingKey.of("greeting.added"), MessageType.EVENT).build(),
 *     MessageBody.json("{\"name\":\"Ada\"}"));
 * }
 *
 * @param header identity, routing and metadata
 * @param body the payload
 */
public record Message(MessageHeader header, MessageBody body) {

  /** The topic of messages that stand for no message. */
  public static final RoutingKey NO_TOPIC = RoutingKey.of("none");

  /** Checks the parts are present. */
  public Message {
    requireNonNull(header, "header must not be null");
    requireNonNull(body, "body must not be null");
  }

  /** The message that stands for none: what an outbox returns for an unknown {@code id}. */
  public static Message none(Id id) {
    return new Message(
        MessageHeader.builder(id, NO_TOPIC, MessageType.NONE).build(), MessageBody.EMPTY);
  }

  /** The message id. */
  public Id id() {
    return header.messageId();
  }

  /** Whether this stands for no message ({@link MessageType#NONE}). */
  public boolean isEmpty() {
    return header.messageType() == MessageType.NONE;
  }

  /**
   * Whether a consumer has handled this message {@code requeueCount} times or more, so it should be
   * rejected rather than requeued again. A negative count means requeue without limit.
   */
  public boolean handledCountReached(int requeueCount) {
    return requeueCount >= 0 && header.handledCount() >= requeueCount;
  }

  /** This message with {@code newHeader}. */
  public Message withHeader(MessageHeader newHeader) {
    return new Message(newHeader, body);
  }

  /** This message with {@code newBody}. */
  public Message withBody(MessageBody newBody) {
    return new Message(header, newBody);
  }
}
