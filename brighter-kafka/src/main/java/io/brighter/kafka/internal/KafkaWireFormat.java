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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
   * The message {@code record} carries, its position in the bag under {@link #PARTITION_OFFSET}; an
   * {@link MessageType#UNACCEPTABLE} message when the record cannot be read.
   */
  public static Message toMessage(ConsumerRecord<String, byte[]> record) {
    RecordPosition position =
        new RecordPosition(record.topic(), record.partition(), record.offset());
    try {
      return read(record, position);
    } catch (RuntimeException e) {
      LOG.warn("Could not read a message from the record at {}", position, e);
      return new Message(
          MessageHeader.builder(
                  messageId(texts(record)), RoutingKey.of(record.topic()), MessageType.UNACCEPTABLE)
              .bagEntry(PARTITION_OFFSET, position.toString())
              .build(),
          new MessageBody(bodyBytes(record), "application/octet-stream"));
    }
  }

  private static Message read(ConsumerRecord<String, byte[]> record, RecordPosition position) {
    Map<String, String> texts = texts(record);
    String contentType =
        firstNonBlank(texts.get(CLOUD_EVENTS_DATA_CONTENT_TYPE), texts.get(CONTENT_TYPE));
    if (contentType == null) {
      contentType = "text/plain";
    }
    MessageHeader.Builder header =
        MessageHeader.builder(messageId(texts), RoutingKey.of(record.topic()), messageType(texts))
            .timestamp(timestamp(texts, record))
            .contentType(contentType)
            .handledCount(integer(texts.get(HANDLED_COUNT)))
            .delay(Duration.ofMillis(integer(texts.get(DELAYED_MILLISECONDS))))
            .partitionKey(firstNonBlank(texts.get(PARTITION_KEY), record.key()))
            .subject(blankToNull(texts.get(CLOUD_EVENTS_SUBJECT)))
            .dataSchema(uri(texts.get(CLOUD_EVENTS_DATA_SCHEMA)))
            .traceParent(blankToNull(texts.get(TRACE_PARENT)))
            .traceState(blankToNull(texts.get(TRACE_STATE)))
            .baggage(blankToNull(texts.get(BAGGAGE)));
    String correlationId = blankToNull(texts.get(CORRELATION_ID));
    if (correlationId != null) {
      header.correlationId(Id.of(correlationId));
    }
    String replyTo = blankToNull(texts.get(REPLY_TO));
    if (replyTo != null) {
      header.replyTo(RoutingKey.of(replyTo));
    }
    String type = blankToNull(texts.get(CLOUD_EVENTS_TYPE));
    if (type != null) {
      header.type(type);
    }
    URI source = uri(texts.get(CLOUD_EVENTS_SOURCE));
    if (source != null) {
      header.source(source);
    }
    String specVersion = blankToNull(texts.get(CLOUD_EVENTS_SPEC_VERSION));
    if (specVersion != null) {
      header.specVersion(specVersion);
    }
    texts.forEach(
        (name, value) -> {
          if (!RESERVED.contains(name)) {
            header.bagEntry(name, bagValue(value));
          }
        });
    header.bagEntry(PARTITION_OFFSET, position.toString());
    return new Message(header.build(), new MessageBody(bodyBytes(record), contentType));
  }

  /** The CloudEvents id, else Brighter's message id, else a new id. */
  private static Id messageId(Map<String, String> texts) {
    String id = firstNonBlank(texts.get(CLOUD_EVENTS_ID), texts.get(MESSAGE_ID));
    return id == null ? Id.random() : Id.of(id);
  }

  private static MessageType messageType(Map<String, String> texts) {
    String text = blankToNull(texts.get(MESSAGE_TYPE));
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
    String name = text.toUpperCase(Locale.ROOT);
    if (name.startsWith(MT_PREFIX)) {
      name = name.substring(MT_PREFIX.length());
    }
    return MessageType.valueOf(name);
  }

  private static Instant timestamp(
      Map<String, String> texts, ConsumerRecord<String, byte[]> record) {
    String time = blankToNull(texts.get(CLOUD_EVENTS_TIME));
    if (time != null) {
      try {
        return Instant.parse(time);
      } catch (DateTimeParseException e) {
        LOG.debug("Unreadable {} header {}", CLOUD_EVENTS_TIME, time);
      }
    }
    String stamp = blankToNull(texts.get(TIMESTAMP));
    if (stamp != null) {
      try {
        return LocalDateTime.parse(stamp, TIMESTAMP_FORM).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        LOG.debug("Unreadable {} header {}", TIMESTAMP, stamp);
      }
    }
    return Instant.ofEpochMilli(record.timestamp());
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

  /** Every header's value as UTF-8 text, the last one winning where a name repeats. */
  private static Map<String, String> texts(ConsumerRecord<String, byte[]> record) {
    Map<String, String> texts = new HashMap<>();
    for (Header header : record.headers()) {
      byte[] value = header.value();
      texts.put(header.key(), value == null ? "" : new String(value, StandardCharsets.UTF_8));
    }
    return texts;
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
