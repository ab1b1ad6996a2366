package io.brighter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the properties of a message this transport publishes again (a dead-letter or requeued copy)
 * within what AMQP carries: the content header, properties and headers table together, must fit in
 * one frame of the connection's {@code frame_max}, and the client refuses a larger one (and leaves
 * its channel's confirms out of step). A copy is larger than its original by the headers it adds,
 * so an original near the limit would not fit: then the largest header values are cut, each to
 * {@value #TRIMMED_LENGTH} characters with a note of their length, and the names of the cut headers
 * are listed in {@link #TRIMMED_HEADERS}. The sizes are the AMQP 0-9-1 encoding's, rounded up.
 */
final class RmqHeaderBudget {

  /** The header naming the headers whose values were cut to fit. */
  static final String TRIMMED_HEADERS = "x-brighter-trimmed-headers";

  /** How much of a cut value is kept. */
  static final int TRIMMED_LENGTH = 1_024;

  /** What a frame needs besides the content header's payload, and room for error. */
  private static final int FRAME_OVERHEAD = 512;

  /** The frame size when the connection sets no maximum: RabbitMQ's default. */
  static final int DEFAULT_FRAME_MAX = 131_072;

  private RmqHeaderBudget() {}

  /**
   * {@code properties} with its headers cut, largest first, until they fit in a frame of {@code
   * frameMax} bytes (0: no maximum set, so RabbitMQ's default); {@code properties} itself when they
   * fit already. Null when even cutting every header cannot make them fit.
   */
  static AMQP.@Nullable BasicProperties fitted(AMQP.BasicProperties properties, int frameMax) {
    long budget = budget(frameMax);
    long size = size(properties);
    if (size <= budget) {
      return properties;
    }
    Map<String, Object> headers = new LinkedHashMap<>(properties.getHeaders());
    List<String> largest = new ArrayList<>(headers.keySet());
    largest.sort(Comparator.comparingLong((String key) -> valueSize(headers.get(key))).reversed());
    List<String> trimmed = new ArrayList<>();
    long headersSize = tableSize(headers);
    long others = size - headersSize;
    for (String key : largest) {
      if (others + headersSize + TRIMMED_HEADERS.length() + 64L * (trimmed.size() + 1) <= budget) {
        break;
      }
      Object value = headers.get(key);
      long before = valueSize(value);
      if (before <= TRIMMED_LENGTH + 64) {
        break; // what is left is small: cutting more would not help
      }
      String text = text(value);
      headers.put(
          key,
          text.substring(0, Math.min(text.length(), TRIMMED_LENGTH))
              + "…[cut from "
              + text.length()
              + " characters]");
      trimmed.add(key);
      headersSize += valueSize(headers.get(key)) - before;
    }
    headers.put(TRIMMED_HEADERS, String.join(",", trimmed));
    AMQP.BasicProperties cut = properties.builder().headers(headers).build();
    return size(cut) <= budget ? cut : null;
  }

  /**
   * How many bytes of properties and headers fit in a frame of {@code frameMax} bytes (0: no
   * maximum set, so RabbitMQ's default): AMQP carries them in one frame, never split.
   */
  static long budget(int frameMax) {
    return (frameMax <= 0 ? DEFAULT_FRAME_MAX : frameMax) - FRAME_OVERHEAD;
  }

  /** The encoded size of {@code properties}, rounded up. */
  static long size(AMQP.BasicProperties properties) {
    long size = 14; // class id, weight, body size and property flags
    for (String text :
        new String[] {
          properties.getContentType(),
          properties.getContentEncoding(),
          properties.getCorrelationId(),
          properties.getReplyTo(),
          properties.getExpiration(),
          properties.getMessageId(),
          properties.getType(),
          properties.getUserId(),
          properties.getAppId(),
          properties.getClusterId()
        }) {
      size += text == null ? 0 : 1 + utf8(text);
    }
    size += 1 + 1 + 8; // delivery mode, priority, timestamp
    Map<String, Object> headers = properties.getHeaders();
    return size + (headers == null ? 0 : tableSize(headers));
  }

  private static long tableSize(Map<String, Object> table) {
    long size = 4;
    for (Map.Entry<String, Object> entry : table.entrySet()) {
      size += 1 + utf8(entry.getKey()) + valueSize(entry.getValue());
    }
    return size;
  }

  @SuppressWarnings("unchecked")
  private static long valueSize(@Nullable Object value) {
    return 1
        + switch (value) {
          case null -> 0;
          case String s -> 4 + utf8(s);
          case LongString s -> 4 + s.length();
          case byte[] bytes -> 4 + bytes.length;
          case Boolean b -> 1;
          case Byte b -> 1;
          case Short s -> 2;
          case Integer i -> 4;
          case Float f -> 4;
          case Long l -> 8;
          case Double d -> 8;
          case Date d -> 8;
          case Map<?, ?> map -> tableSize((Map<String, Object>) map);
          case List<?> list -> 4 + list.stream().mapToLong(RmqHeaderBudget::valueSize).sum();
          default -> 4 + utf8(value.toString());
        };
  }

  private static String text(@Nullable Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(value);
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
