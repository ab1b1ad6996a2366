package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

/**
 * Why a message pump rejects a message: its kind and a description, handed to {@link
 * MessageConsumer#reject}. A transport writes {@link #text()}, in .NET Brighter's shape, into the
 * dead-letter copy's {@link HeaderNames#REJECTION_REASON} header, and may route by {@link #kind()}
 * (unacceptable messages to an invalid-message channel, say).
 *
 * {@snippet :
 * consumer.reject(message, RejectionReason.deliveryError("the order was cancelled"));
 * }
 *
 * @param kind what kind of rejection
 * @param description what was wrong, for a person reading the dead letter
 */
public record RejectionReason(Kind kind, String description) {

  /** The kinds of rejection, as .NET Brighter names them. */
  public enum Kind {
    /** The message could not be read or mapped to a request. */
    UNACCEPTABLE("Unacceptable"),
    /** The message's handling failed or was refused. */
    DELIVERY_ERROR("DeliveryError");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    /** The kind's name on the wire, e.g. {@code DeliveryError}. */
    public String text() {
      return text;
    }
  }

  /** Checks the parts. */
  public RejectionReason {
    requireNonNull(kind, "kind must not be null");
    requireNonNull(description, "description must not be null");
  }

  /** A message that could not be read or mapped, because of {@code description}. */
  public static RejectionReason unacceptable(String description) {
    return new RejectionReason(Kind.UNACCEPTABLE, description);
  }

  /** A message whose handling failed or was refused, because of {@code description}. */
  public static RejectionReason deliveryError(String description) {
    return new RejectionReason(Kind.DELIVERY_ERROR, description);
  }

  /**
   * The reason as the {@link HeaderNames#REJECTION_REASON} header carries it: {@code Message
   * rejected reason: <kind> Description: <description>}.
   */
  public String text() {
    return "Message rejected reason: " + kind.text() + " Description: " + description;
  }

  /** Whether the message was unacceptable. */
  public boolean unacceptable() {
    return kind == Kind.UNACCEPTABLE;
  }

  @Override
  public String toString() {
    return text();
  }
}
