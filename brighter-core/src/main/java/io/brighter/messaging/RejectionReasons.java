package io.brighter.messaging;

/**
 * The text a message pump gives {@link MessageConsumer#reject} as the reason, in .NET Brighter's
 * shape ({@code Message rejected reason: <kind> Description: <why>}), and how a transport tells the
 * kinds apart, e.g. to route unacceptable messages to an invalid-message channel.
 */
public final class RejectionReasons {

  /** The kind of a message that could not be read or mapped. */
  public static final String UNACCEPTABLE = "Unacceptable";

  /** The kind of a message whose handling failed or was refused. */
  public static final String DELIVERY_ERROR = "DeliveryError";

  private static final String PREFIX = "Message rejected reason: ";

  private RejectionReasons() {}

  /** The reason text for a rejection of {@code kind}, described by {@code description}. */
  public static String of(String kind, String description) {
    return PREFIX + kind + " Description: " + description;
  }

  /** Whether {@code reason} rejects a message as {@link #UNACCEPTABLE}. */
  public static boolean isUnacceptable(String reason) {
    return reason.startsWith(PREFIX + UNACCEPTABLE);
  }
}
