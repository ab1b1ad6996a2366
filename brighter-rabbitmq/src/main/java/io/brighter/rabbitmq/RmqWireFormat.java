package io.brighter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import io.brighter.Id;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Message} as AMQP properties, headers and body, and reads one back, with .NET
 * Brighter's header names ({@link RmqHeaders}). A delivery that cannot be read becomes an {@link
 * MessageType#UNACCEPTABLE} message, so the pump rejects it instead of failing.
 */
final class RmqWireFormat {

  private static final Logger LOG = LoggerFactory.getLogger(RmqWireFormat.class);
  private static final String TYPE_PREFIX = "MT_";
  private static final int PERSISTENT = 2;
  private static final int TRANSIENT = 1;
  private static final String DEFAULT_SOURCE_TEXT = MessageHeader.DEFAULT_SOURCE.toString();

  /** Bag entries that describe one delivery to one consumer: never written to the wire. */
  private static final Set<String> LOCAL =
      Set.of(
          HeaderNames.DELIVERY_TAG, HeaderNames.REDELIVERED, HeaderNames.PRODUCER_TOPIC, "x-death");

  private RmqWireFormat() {}

  /**
   * The AMQP properties of {@code message}: its header fields as properties and headers, its bag
   * entries as headers of their own (less local ones), {@code x-delay} when {@code delay} is set.
   */
  static AMQP.BasicProperties properties(Message message, boolean persistent, Duration delay) {
    MessageHeader header = message.header();
    Map<String, Object> headers = new HashMap<>();
    // AMQP timestamps are whole seconds; cloudEvents_time keeps the milliseconds
    header.bag().forEach((key, value) -> putBagEntry(headers, key, value));
    headers.put(RmqHeaders.CLOUD_EVENTS_ID, header.messageId().value());
    headers.put(RmqHeaders.CLOUD_EVENTS_SPEC_VERSION, header.specVersion());
    headers.put(RmqHeaders.CLOUD_EVENTS_TYPE, header.type());
    headers.put(RmqHeaders.CLOUD_EVENTS_SOURCE, header.source().toString());
    headers.put(RmqHeaders.CLOUD_EVENTS_TIME, header.timestamp().toString());
    headers.put(RmqHeaders.MESSAGE_TYPE, TYPE_PREFIX + header.messageType().name());
    headers.put(RmqHeaders.TOPIC, header.topic().value());
    headers.put(RmqHeaders.HANDLED_COUNT, header.handledCount());
    putIfPresent(headers, RmqHeaders.CLOUD_EVENTS_SUBJECT, header.subject());
    putIfPresent(headers, RmqHeaders.CLOUD_EVENTS_DATA_SCHEMA, header.dataSchema());
    putIfPresent(headers, RmqHeaders.CORRELATION_ID, header.correlationId());
    putIfPresent(headers, RmqHeaders.CLOUD_EVENTS_TRACE_PARENT, header.traceParent());
    putIfPresent(headers, RmqHeaders.CLOUD_EVENTS_TRACE_STATE, header.traceState());
    putIfPresent(headers, RmqHeaders.CLOUD_EVENTS_TRACE_STATE_LEGACY, header.traceState());
    putIfPresent(headers, RmqHeaders.BAGGAGE, header.baggage());
    putIfPresent(headers, RmqHeaders.PARTITION_KEY, header.partitionKey());
    putIfPresent(headers, RmqHeaders.DATA_REF, header.dataRef());
    if (!delay.isZero()) {
      headers.put(RmqHeaders.DELAY, delay.toMillis());
    }
    return new AMQP.BasicProperties.Builder()
        .messageId(header.messageId().value())
        .timestamp(Date.from(header.timestamp().truncatedTo(ChronoUnit.SECONDS)))
        .contentType(header.contentType())
        .type(message.body().contentType())
        .replyTo(header.replyTo() == null ? null : header.replyTo().value())
        .deliveryMode(persistent ? PERSISTENT : TRANSIENT)
        .headers(headers)
        .build();
  }

  /**
   * The message of one delivery, with {@code deliveryTag} and the redelivered flag in its bag under
   * {@link HeaderNames#DELIVERY_TAG} and {@link HeaderNames#REDELIVERED}.
   */
  static Message toMessage(
      String routingKey,
      boolean redelivered,
      AMQP.BasicProperties properties,
      byte[] body,
      long deliveryTag) {
    Map<String, Object> headers = decoded(properties.getHeaders());
    Id id = readId(properties, headers);
    RoutingKey topic = RoutingKey.of(text(headers, RmqHeaders.TOPIC, routingKey));
    try {
      MessageHeader.Builder header =
          MessageHeader.builder(id, topic, readType(headers))
              .timestamp(readTimestamp(properties, headers))
              .handledCount(Math.max(0, (int) number(headers.get(RmqHeaders.HANDLED_COUNT))))
              .delay(Duration.ofMillis(Math.abs(number(headers.get(RmqHeaders.DELAY)))))
              .correlationId(optionalId(text(headers, RmqHeaders.CORRELATION_ID, null)))
              .replyTo(
                  properties.getReplyTo() == null ? null : RoutingKey.of(properties.getReplyTo()))
              .contentType(
                  properties.getContentType() == null ? "text/plain" : properties.getContentType())
              .partitionKey(text(headers, RmqHeaders.PARTITION_KEY, null))
              .source(readSource(headers))
              .type(text(headers, RmqHeaders.CLOUD_EVENTS_TYPE, MessageHeader.DEFAULT_TYPE))
              .specVersion(
                  text(headers, RmqHeaders.CLOUD_EVENTS_SPEC_VERSION, MessageHeader.SPEC_VERSION))
              .dataSchema(optionalUri(text(headers, RmqHeaders.CLOUD_EVENTS_DATA_SCHEMA, null)))
              .subject(text(headers, RmqHeaders.CLOUD_EVENTS_SUBJECT, null))
              .dataRef(text(headers, RmqHeaders.DATA_REF, null))
              .traceParent(text(headers, RmqHeaders.CLOUD_EVENTS_TRACE_PARENT, null))
              .traceState(
                  text(
                      headers,
                      RmqHeaders.CLOUD_EVENTS_TRACE_STATE,
                      text(headers, RmqHeaders.CLOUD_EVENTS_TRACE_STATE_LEGACY, null)))
              .baggage(text(headers, RmqHeaders.BAGGAGE, null));
      headers.forEach(
          (key, value) -> {
            if (!RmqHeaders.RESERVED.contains(key)) {
              header.bagEntry(key, value);
            }
          });
      header.bagEntry(HeaderNames.DELIVERY_TAG, deliveryTag);
      header.bagEntry(HeaderNames.REDELIVERED, redelivered);
      MessageHeader read = header.build();
      String bodyType = properties.getType() != null ? properties.getType() : read.contentType();
      return new Message(read, new MessageBody(body, bodyType));
    } catch (RuntimeException e) {
      LOG.warn("Could not read message {} from RabbitMQ; it is unacceptable", id, e);
      return new Message(
          MessageHeader.builder(id, topic, MessageType.UNACCEPTABLE)
              .bagEntry(HeaderNames.DELIVERY_TAG, deliveryTag)
              .bagEntry(HeaderNames.REDELIVERED, redelivered)
              .build(),
          new MessageBody(body, "application/octet-stream"));
    }
  }

  private static void putBagEntry(Map<String, Object> headers, String key, Object value) {
    if (LOCAL.contains(key) || RmqHeaders.RESERVED.contains(key)) {
      return;
    }
    headers.put(key, amqpValue(value));
  }

  /** A value AMQP field tables hold: numbers, booleans and strings as they are, others as text. */
  private static Object amqpValue(Object value) {
    return switch (value) {
      case String s -> s;
      case Integer i -> i;
      case Long l -> l;
      case Short s -> s;
      case Byte b -> b;
      case Double d -> d;
      case Float f -> f;
      case BigDecimal d -> d;
      case Boolean b -> b;
      default -> value.toString();
    };
  }

  private static void putIfPresent(
      Map<String, Object> headers, String key, @Nullable Object value) {
    if (value != null) {
      headers.put(key, value.toString());
    }
  }

  private static Id readId(AMQP.BasicProperties properties, Map<String, Object> headers) {
    String id = properties.getMessageId();
    if (id == null || id.isBlank()) {
      id = text(headers, RmqHeaders.CLOUD_EVENTS_ID, null);
    }
    return id == null || id.isBlank() ? Id.random() : Id.of(id);
  }

  private static URI readSource(Map<String, Object> headers) {
    String source = text(headers, RmqHeaders.CLOUD_EVENTS_SOURCE, null);
    return source == null || source.equals(DEFAULT_SOURCE_TEXT)
        ? MessageHeader.DEFAULT_SOURCE
        : URI.create(source);
  }

  private static MessageType readType(Map<String, Object> headers) {
    String type = text(headers, RmqHeaders.MESSAGE_TYPE, null);
    if (type == null || type.isBlank()) {
      return MessageType.EVENT;
    }
    String name = type.toUpperCase(Locale.ROOT);
    if (name.startsWith(TYPE_PREFIX)) {
      name = name.substring(TYPE_PREFIX.length());
    }
    try {
      return MessageType.valueOf(name);
    } catch (IllegalArgumentException e) {
      LOG.warn("Unknown message type {}; the message is unacceptable", type);
      return MessageType.UNACCEPTABLE;
    }
  }

  private static Instant readTimestamp(
      AMQP.BasicProperties properties, Map<String, Object> headers) {
    String time = text(headers, RmqHeaders.CLOUD_EVENTS_TIME, null);
    if (time != null) {
      try {
        return Instant.parse(time);
      } catch (DateTimeParseException e) {
        LOG.debug("Unreadable {}: {}", RmqHeaders.CLOUD_EVENTS_TIME, time);
      }
    }
    return properties.getTimestamp() == null
        ? Instant.now()
        : properties.getTimestamp().toInstant();
  }

  /**
   * The headers with AMQP long strings decoded once, and without values a bag cannot hold (the
   * tables and arrays the broker adds when it dead-letters, such as {@code x-death}).
   */
  private static Map<String, Object> decoded(@Nullable Map<String, Object> headers) {
    if (headers == null) {
      return Map.of();
    }
    Map<String, Object> decoded = HashMap.newHashMap(headers.size());
    headers.forEach(
        (key, value) -> {
          Object scalar = scalar(value);
          if (scalar != null) {
            decoded.put(key, scalar);
          }
        });
    return decoded;
  }

  private static @Nullable Object scalar(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case LongString s -> s.toString();
      case Number n -> n;
      case Boolean b -> b;
      case String s -> s;
      default -> null;
    };
  }

  private static long number(@Nullable Object value) {
    return switch (value) {
      case null -> 0;
      case Number n -> n.longValue();
      case LongString s -> Long.parseLong(s.toString().trim());
      case String s -> Long.parseLong(s.trim());
      default -> throw new IllegalArgumentException("not a number: " + value);
    };
  }

  private static @Nullable String text(
      Map<String, Object> headers, String key, @Nullable String fallback) {
    Object value = headers.get(key);
    return value == null ? fallback : value.toString();
  }

  private static @Nullable Id optionalId(@Nullable String value) {
    return value == null || value.isBlank() ? null : Id.of(value);
  }

  private static @Nullable URI optionalUri(@Nullable String value) {
    return value == null || value.isBlank() ? null : URI.create(value);
  }
}
