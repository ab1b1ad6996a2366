package io.brighter.messaging.wire;

import io.brighter.messaging.MessageType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageType} as .NET Brighter names it on a wire and in a store: {@code MT_EVENT},
 * {@code MT_COMMAND} and so on. Every transport and store reads and writes the type through here.
 *
 * {@snippet :
 * headers.put("MessageType", WireMessageType.write(header.messageType())); // "MT_EVENT"
 * MessageType type = WireMessageType.read("MT_EVENT");                     // EVENT
 * }
 */
public final class WireMessageType {

  private static final String PREFIX = "MT_";
  private static final MessageType[] TYPES = MessageType.values();
  private static final String[] NAMES = new String[TYPES.length];

  static {
    for (MessageType type : TYPES) {
      NAMES[type.ordinal()] = PREFIX + type.name();
    }
  }

  private WireMessageType() {}

  /** {@code type}'s wire name, e.g. {@code MT_EVENT}. */
  public static String write(MessageType type) {
    return NAMES[type.ordinal()];
  }

  /**
   * The type {@code text} names, with or without the prefix, in any case.
   *
   * @throws IllegalArgumentException when it names no type
   */
  public static MessageType read(String text) {
    for (MessageType type : TYPES) {
      if (NAMES[type.ordinal()].equals(text)) {
        return type; // the usual spelling, without case folding
      }
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    if (name.startsWith(PREFIX)) {
      name = name.substring(PREFIX.length());
    }
    return MessageType.valueOf(name);
  }

  /** The type {@code stored} names, as {@link #read}; {@code NONE} when absent or unknown. */
  public static MessageType readOrNone(@Nullable String stored) {
    if (stored == null) {
      return MessageType.NONE;
    }
    try {
      return read(stored);
    } catch (IllegalArgumentException e) {
      return MessageType.NONE;
    }
  }
}
