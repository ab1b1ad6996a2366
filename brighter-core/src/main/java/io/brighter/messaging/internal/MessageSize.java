package io.brighter.messaging.internal;

import io.brighter.messaging.Message;
import io.brighter.messaging.MessageHeader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How many bytes a message takes on the wire, estimated without a transport's wire format: its body
 * and the text of its header fields and bag, with a little for each header's name. Transports write
 * the same fields under names of a few dozen bytes, so the estimate is close for a large message,
 * which is where it matters.
 */
public final class MessageSize {

  /** What a header's name and framing take, about. */
  private static final int PER_HEADER = 24;

  private MessageSize() {}

  /** The estimated size of {@code message} in bytes. */
  public static long of(Message message) {
    MessageHeader header = message.header();
    long size = message.body().size();
    size +=
        Stream.of(
                header.messageId(),
                header.topic(),
                header.messageType(),
                header.timestamp(),
                header.correlationId(),
                header.replyTo(),
                header.contentType(),
                header.partitionKey(),
                header.source(),
                header.type(),
                header.specVersion(),
                header.dataSchema(),
                header.subject(),
                header.dataRef(),
                header.traceParent(),
                header.traceState(),
                header.baggage())
            .filter(Objects::nonNull)
            .mapToLong(field -> PER_HEADER + utf8(field.toString()))
            .sum();
    for (Map.Entry<String, Object> entry : header.bag().entrySet()) {
      size += PER_HEADER + utf8(entry.getKey()) + utf8(String.valueOf(entry.getValue()));
    }
    return size;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
