package io.brighter.messaging.wire;

import org.jspecify.annotations.Nullable;

/**
 * A header Brighter reads holds a value it cannot read, such as a message type no one knows or a
 * count that is not a number. Its message names the header and (the start of) the value; a
 * transport makes the delivery an unacceptable message with that as the reason.
 */
public final class UnreadableHeaderException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private static final int SHOWN = 64;

  /** {@code header}'s {@code value} is not {@code expected}, e.g. "a message type". */
  public UnreadableHeaderException(String header, @Nullable Object value, String expected) {
    super(header + " header " + quoted(value) + " is not " + expected);
  }

  private static String quoted(@Nullable Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text) + "'";
  }
}
