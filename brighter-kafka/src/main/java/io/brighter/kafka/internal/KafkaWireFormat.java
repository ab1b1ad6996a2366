package io.brighter.kafka.internal;

import static io.brighter.kafka.KafkaHeaderNames.*;

import io.brighter.Id;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Message} into a Kafka record and back, with the header names and value encodings
 * of .NET Brighter's Kafka transport (see {@link io.brighter.kafka.KafkaHeaderNames}).
 *
 * <p>Writing: the record key is the partition key, the value the body bytes; each header field is a
 * header, and each bag entry a header of its own name, its value as text ({@code True}/{@code
 * False} for booleans, as .NET writes them; byte arrays as they are). Local bag entries ({@link
 * HeaderNames#PRODUCER_TOPIC}, the received position) and entries named like a header field are not
 * written.
 *
 * <p>Reading is lenient, as .NET Brighter's is, so records from other producers are read too: no
 * message id gives a new one, no message type means an event, no partition key header means the
 * record key. Bag values come back typed where the text is unambiguous: {@code true}/{@code false}
 * in any case as a {@link Boolean}, a canonical decimal integer as a {@link Long}; all else as a
 * {@link String}. A record that cannot be read (an unknown message type, say) becomes an {@link
 * MessageType#UNACCEPTABLE} message, which the pump rejects.
 */
public final class KafkaWireFormat {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaWireFormat.class);

  /** The .NET invariant-culture date form used by the {@code TimeStamp} header. */
  static final DateTimeFormatter TIMESTAMP_FORM =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

  /** Parsed CloudEvents sources and schemas: a service sees few, and parsing a URI is slow. */
  private static final Map<String, URI> URIS = new ConcurrentHashMap<>();

  private static final int URI_CACHE_LIMIT = 1_024;
  private static final String MT_PREFIX = "MT_";
  private static final MessageType[] TYPES = MessageType.values();

  private KafkaWireFormat() {}

  /** The record that carries {@code message} to {@code topic}. */
  public static ProducerRecord<String, byte[]> toRecord(Message message, String topic) {
    MessageHeader header = message.header();
    Headers headers = new RecordHeaders();
    put(headers, MESSAGE_TYPE, MT_PREFIX + header.messageType().name());
    put(headers, TOPIC, topic);
    put(headers, MESSAGE_ID, header.messageId().value());
    put(headers, TIMESTAMP, TIMESTAMP_FORM.format(header.timestamp().atOffset(ZoneOffset.UTC)));
    put(headers, CONTENT_TYPE, header.contentType());
    if (header.correlationId() != null) {
      put(headers, CORRELATION_ID, header.correlationId().value());
    }
    String partitionKey = partitionKey(header);
    if (partitionKey != null) {
      put(headers, PARTITION_KEY, partitionKey);
    }
    if (header.replyTo() != null) {
      put(headers, REPLY_TO, header.replyTo().value());
    }
    put(headers, DELAYED_MILLISECONDS, Long.toString(header.delay().toMillis()));
    put(headers, HANDLED_COUNT, Integer.toString(header.handledCount()));
    put(headers, CLOUD_EVENTS_ID, header.messageId().value());
    put(headers, CLOUD_EVENTS_SPEC_VERSION, header.specVersion());
    put(headers, CLOUD_EVENTS_TYPE, header.type());
    put(headers, CLOUD_EVENTS_SOURCE, header.source().toString());
    put(headers, CLOUD_EVENTS_TIME, header.timestamp().toString());
    putIfSet(headers, CLOUD_EVENTS_SUBJECT, header.subject());
    putIfSet(headers, CLOUD_EVENTS_DATA_SCHEMA, header.dataSchema());
    putIfSet(headers, TRACE_PARENT, header.traceParent());
    putIfSet(headers, TRACE_STATE, header.traceState());
    putIfSet(headers, BAGGAGE, header.baggage());
    put(headers, CLOUD_EVENTS_DATA_CONTENT_TYPE, header.contentType());
    for (Map.Entry<String, Object> entry : header.bag().entrySet()) {
      String key = entry.getKey();
      if (!RESERVED.contains(key) && !HeaderNames.PRODUCER_TOPIC.equals(key)) {
        headers.add(key, bagBytes(entry.getValue()));
      }
    }
    return new ProducerRecord<>(topic, null, partitionKey, message.body().bytes(), headers);
  }

  /**
   * The message {@code record} carries, its position in the bag under {@link #PARTITION_OFFSET}.
   * Never fails: a record it cannot read becomes an {@link MessageType#UNACCEPTABLE} message whose
   * bag holds every header as text and says why under {@link HeaderNames#UNREADABLE_REASON}.
   */
  public static Message toMessage(ConsumerRecord<String, byte[]> record) {
    RecordPosition position =
        new RecordPosition(record.topic(), record.partition(), record.offset());
    try {
      return read(record, position);
    } catch (RuntimeException e) {
      String reason =
          e instanceof IllegalArgumentException && e.getMessage() != null
              ? e.getMessage()
              : e.toString();
      LOG.warn("Could not read a message from the record at {}: {}", position, reason);
      MessageHeader.Builder unreadable =
          MessageHeader.builder(
              messageId(record.headers()), RoutingKey.of(record.topic()), MessageType.UNACCEPTABLE);
      for (Header entry : record.headers()) {
        unreadable.bagEntry(entry.key(), utf8(entry.value()));
      }
      return new Message(
          unreadable
              .bagEntry(PARTITION_OFFSET, position.toString())
              .bagEntry(HeaderNames.UNREADABLE_REASON, reason)
              .build(),
          new MessageBody(bodyBytes(record), "application/octet-stream"));
    }
  }

  private static Message read(ConsumerRecord<String, byte[]> record, RecordPosition position) {
    Headers texts = record.headers();
    String contentType = blankToNull(text(texts, CLOUD_EVENTS_DATA_CONTENT_TYPE));
    if (contentType == null) {
      contentType =
          Objects.requireNonNullElse(blankToNull(text(texts, CONTENT_TYPE)), "text/plain");
    }
    MessageHeader.Builder header =
        MessageHeader.builder(messageId(texts), RoutingKey.of(record.topic()), messageType(texts))
            .timestamp(timestamp(texts, record))
            .contentType(contentType)
            .handledCount(integer(text(texts, HANDLED_COUNT)))
            .delay(Duration.ofMillis(integer(text(texts, DELAYED_MILLISECONDS))))
            .partitionKey(firstNonBlank(text(texts, PARTITION_KEY), record.key()))
            .subject(blankToNull(text(texts, CLOUD_EVENTS_SUBJECT)))
            .dataSchema(uri(text(texts, CLOUD_EVENTS_DATA_SCHEMA)))
            .traceParent(blankToNull(text(texts, TRACE_PARENT)))
            .traceState(blankToNull(text(texts, TRACE_STATE)))
            .baggage(blankToNull(text(texts, BAGGAGE)));
    String correlationId = blankToNull(text(texts, CORRELATION_ID));
    if (correlationId != null) {
      header.correlationId(Id.of(correlationId));
    }
    String replyTo = blankToNull(text(texts, REPLY_TO));
    if (replyTo != null) {
      header.replyTo(RoutingKey.of(replyTo));
    }
    String type = blankToNull(text(texts, CLOUD_EVENTS_TYPE));
    if (type != null) {
      header.type(type);
    }
    URI source = uri(text(texts, CLOUD_EVENTS_SOURCE));
    if (source != null) {
      header.source(source);
    }
    String specVersion = blankToNull(text(texts, CLOUD_EVENTS_SPEC_VERSION));
    if (specVersion != null) {
      header.specVersion(specVersion);
    }
    for (Header entry : texts) {
      if (!RESERVED.contains(entry.key())) {
        header.bagEntry(entry.key(), bagValue(utf8(entry.value())));
      }
    }
    header.bagEntry(PARTITION_OFFSET, position.toString());
    return new Message(header.build(), new MessageBody(bodyBytes(record), contentType));
  }

  /** The CloudEvents id, else Brighter's message id, else a new id. */
  private static Id messageId(Headers texts) {
    String id = blankToNull(text(texts, CLOUD_EVENTS_ID));
    if (id == null) {
      id = blankToNull(text(texts, MESSAGE_ID));
    }
    return id == null ? Id.random() : Id.of(id);
  }

  private static MessageType messageType(Headers texts) {
    String text = blankToNull(text(texts, MESSAGE_TYPE));
    if (text == null) {
      return MessageType.EVENT;
    }
    for (MessageType type : TYPES) {
      if (text.length() == MT_PREFIX.length() + type.name().length()
          && text.startsWith(MT_PREFIX)
          && text.endsWith(type.name())) {
        return type; // the usual spelling, without case folding
      }
    }
    String name = text.strip().toUpperCase(Locale.ROOT);
    if (name.startsWith(MT_PREFIX)) {
      name = name.substring(MT_PREFIX.length());
    }
    try {
      return MessageType.valueOf(name);
    } catch (IllegalArgumentException e) {
      String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
      throw new IllegalArgumentException(
          MESSAGE_TYPE + " header '" + shown + "' is not a message type", e);
    }
  }

  private static Instant timestamp(Headers texts, ConsumerRecord<String, byte[]> record) {
    String time = blankToNull(text(texts, CLOUD_EVENTS_TIME));
    if (time != null) {
      try {
        return parseInstant(time);
      } catch (DateTimeParseException e) {
        LOG.debug("Unreadable {} header {}", CLOUD_EVENTS_TIME, time);
      }
    }
    String stamp = blankToNull(text(texts, TIMESTAMP));
    if (stamp != null) {
      try {
        return LocalDateTime.parse(stamp, TIMESTAMP_FORM).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        LOG.debug("Unreadable {} header {}", TIMESTAMP, stamp);
      }
    }
    return Instant.ofEpochMilli(record.timestamp());
  }

  /**
   * {@code time} in RFC 3339: the form {@link Instant#toString} writes ({@code
   * 2026-11-27T00:05:13.123Z}) read without a formatter, which is most of the cost of reading a
   * record otherwise; any other form through {@link Instant#parse}.
   */
  static Instant parseInstant(String time) {
    int length = time.length();
    if (length >= 20
        && time.charAt(4) == '-'
        && time.charAt(7) == '-'
        && time.charAt(10) == 'T'
        && time.charAt(13) == ':'
        && time.charAt(16) == ':'
        && time.charAt(length - 1) == 'Z'
        && (length == 20 || (time.charAt(19) == '.' && length <= 30 && length > 21))) {
      try {
        int nanos = 0;
        for (int i = 20; i < length - 1; i++) {
          nanos = nanos * 10 + digit(time, i);
        }
        for (int i = length - 1; i < 29; i++) {
          nanos *= 10;
        }
        return LocalDateTime.of(
                number(time, 0, 4),
                number(time, 5, 7),
                number(time, 8, 10),
                number(time, 11, 13),
                number(time, 14, 16),
                number(time, 17, 19),
                length == 20 ? 0 : nanos)
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeException | NumberFormatException e) {
        // not the common form after all
      }
    }
    return Instant.parse(time);
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + digit(text, i);
    }
    return value;
  }

  private static int digit(String text, int index) {
    int digit = text.charAt(index) - '0';
    if (digit < 0 || digit > 9) {
      throw new NumberFormatException(text);
    }
    return digit;
  }

  private static @Nullable String partitionKey(MessageHeader header) {
    String key = header.partitionKey();
    return key == null || key.isEmpty() ? null : key;
  }

  private static int integer(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return (int) Math.max(0, Math.round(Double.parseDouble(text.strip())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static @Nullable URI uri(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    URI cached = URIS.get(text);
    if (cached != null) {
      return cached;
    }
    try {
      URI parsed = new URI(text);
      if (URIS.size() < URI_CACHE_LIMIT) {
        URIS.put(text, parsed);
      }
      return parsed;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Object bagValue(String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.valueOf(text);
    }
    if (INTEGER.matcher(text).matches()) {
      return Long.valueOf(text);
    }
    return text;
  }

  private static byte[] bagBytes(Object value) {
    return switch (value) {
      case byte[] bytes -> bytes.clone();
      case Boolean flag -> (flag ? "True" : "False").getBytes(StandardCharsets.UTF_8);
      default -> value.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  private static byte[] bodyBytes(ConsumerRecord<String, byte[]> record) {
    return record.value() == null ? new byte[0] : record.value();
  }

  /** The last header called {@code name} as UTF-8 text; null when there is none. */
  private static @Nullable String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : utf8(header.value());
  }

  private static String utf8(byte @Nullable [] value) {
    return value == null ? "" : new String(value, StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void putIfSet(Headers headers, String name, @Nullable Object value) {
    if (value != null && !value.toString().isEmpty()) {
      put(headers, name, value.toString());
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
    return blankToNull(first) != null ? first : blankToNull(second);
  }
}
