package io.brighter.serviceactivator;

import io.brighter.Id;
import io.brighter.TransientException;
import org.jspecify.annotations.Nullable;

/**
 * A message pump could not settle a message: its consumer threw, or answered that the broker did
 * not take the acknowledgement, requeue or rejection, on every try. The pump stops with {@link
 * MessagePumpStatus#ERROR} and this as {@link ConsumerState#error()}; closing its consumer returns
 * the unsettled message to the broker, and the dispatcher starts a new pump after a back-off.
 *
 * {@snippet :
 * dispatcher.state().stream()
 *     .filter(consumer -> consumer.error() instanceof SettlementFailedException)
 *     .forEach(consumer -> log.warn("{}: {}", consumer.consumerName(), consumer.error().getMessage()));
 * }
 */
public final class SettlementFailedException extends TransientException {

  private static final long serialVersionUID = 1L;

  private final transient Id messageId;

  private SettlementFailedException(String message, Id messageId, @Nullable Throwable cause) {
    super(message, cause);
    this.messageId = messageId;
  }

  /** The pump tried {@code tries} times to {@code action} message {@code messageId}. */
  static SettlementFailedException of(
      String action, Id messageId, int tries, @Nullable Throwable lastFailure) {
    String why =
        lastFailure == null
            ? "the consumer answered that the broker did not take it"
            : lastFailure.toString();
    return new SettlementFailedException(
        "Could not " + action + " message " + messageId + " after " + tries + " tries: " + why,
        messageId,
        lastFailure);
  }

  /** The message that could not be settled. */
  public Id messageId() {
    return messageId;
  }
}
