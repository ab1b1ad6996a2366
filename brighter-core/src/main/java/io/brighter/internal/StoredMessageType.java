package io.brighter.internal;

import io.brighter.messaging.MessageType;
import org.jspecify.annotations.Nullable;

/**
 * A message type as the stores keep it: .NET Brighter's {@code MT_EVENT}, {@code MT_COMMAND} and so
 * on, so a table can be shared with a .NET service. Shared by the JDBC and DynamoDB outboxes.
 */
public final class StoredMessageType {

  private static final String PREFIX = "MT_";

  private StoredMessageType() {}

  /** {@code type} as stored, e.g. {@code MT_EVENT}. */
  public static String write(MessageType type) {
    return PREFIX + type.name();
  }

  /** The type {@code stored} names, with or without the prefix; {@code NONE} when unknown. */
  public static MessageType read(@Nullable String stored) {
    if (stored == null) {
      return MessageType.NONE;
    }
    String name = stored.startsWith(PREFIX) ? stored.substring(PREFIX.length()) : stored;
    try {
      return MessageType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return MessageType.NONE;
    }
  }
}
