package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import org.jspecify.annotations.Nullable;

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
 * <p>A message a consumer received carries the consumer's {@link Receipt} for the delivery, which
 * copies keep and which is left out of {@code equals}, {@code hashCode} and {@code toString}: two
 * messages are equal when their header and body are.
 *
 * @param header identity, routing and metadata
 * @param body the payload
 * @param receipt the consumer's token for the delivery this message came in, if it was received
 */
public record Message(MessageHeader header, MessageBody body, @Nullable Receipt receipt) {

  /** The topic of messages that stand for no message. */
  public static final RoutingKey NO_TOPIC = RoutingKey.of("none");

  /** Checks the parts are present. */
  public Message {
    requireNonNull(header, "header must not be null");
    requireNonNull(body, "body must not be null");
  }

  /** A message that was not received from a transport: it has no receipt. */
  public Message(MessageHeader header, MessageBody body) {
    this(header, body, null);
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

  /** This message with {@code newHeader}, and the same receipt. */
  public Message withHeader(MessageHeader newHeader) {
    return new Message(newHeader, body, receipt);
  }

  /** This message with {@code newBody}, and the same receipt. */
  public Message withBody(MessageBody newBody) {
    return new Message(header, newBody, receipt);
  }

  /** Whether {@code other} is a message with an equal header and body, whatever its receipt. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Message message
        && header.equals(message.header)
        && body.equals(message.body);
  }

  @Override
  public int hashCode() {
    return 31 * header.hashCode() + body.hashCode();
  }

  @Override
  public String toString() {
    return "Message[header=" + header + ", body=" + body + "]";
  }
}
