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
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
  private static final int SHORT_STRING_BYTES = 255;
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
    String id = header.messageId().value();
    return new AMQP.BasicProperties.Builder()
        .messageId(fitsShortString(id) ? id : null) // cloudEvents_id carries a longer one
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
   * {@link HeaderNames#DELIVERY_TAG} and {@link HeaderNames#REDELIVERED}. Never fails: a delivery
   * it cannot read becomes an {@link MessageType#UNACCEPTABLE} message whose bag holds every header
   * as it came and says why under {@link HeaderNames#UNREADABLE_REASON}. The topic is the {@code
   * Topic} header, else the delivery's routing key, else {@code subscribed}.
   */
  static Message toMessage(
      String routingKey,
      RoutingKey subscribed,
      boolean redelivered,
      AMQP.BasicProperties properties,
      byte[] body,
      long deliveryTag) {
    Map<String, Object> headers = decoded(properties.getHeaders());
    Id id = readId(properties, headers);
    RoutingKey topic = readTopic(headers, routingKey, subscribed);
    try {
      MessageHeader.Builder header =
          MessageHeader.builder(id, topic, readType(headers))
              .timestamp(readTimestamp(properties, headers))
              .handledCount(count(headers, RmqHeaders.HANDLED_COUNT, false))
              // the delayed-message plugin negates x-delay on delivery
              .delay(Duration.ofMillis(Math.abs((long) count(headers, RmqHeaders.DELAY, true))))
              .correlationId(optionalId(text(headers, RmqHeaders.CORRELATION_ID, null)))
              .replyTo(optionalKey(properties.getReplyTo()))
              .contentType(
                  properties.getContentType() == null ? "text/plain" : properties.getContentType())
              .partitionKey(text(headers, RmqHeaders.PARTITION_KEY, null))
              .source(readSource(headers))
              .type(text(headers, RmqHeaders.CLOUD_EVENTS_TYPE, MessageHeader.DEFAULT_TYPE))
              .specVersion(
                  text(headers, RmqHeaders.CLOUD_EVENTS_SPEC_VERSION, MessageHeader.SPEC_VERSION))
              .dataSchema(optionalUri(headers, RmqHeaders.CLOUD_EVENTS_DATA_SCHEMA))
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
      String reason = e instanceof UnreadableHeaderException ? e.getMessage() : e.toString();
      LOG.warn("Could not read message {} from RabbitMQ; it is unacceptable: {}", id, reason);
      MessageHeader.Builder unreadable =
          MessageHeader.builder(id, topic, MessageType.UNACCEPTABLE).bag(headers);
      return new Message(
          unreadable
              .bagEntry(HeaderNames.UNREADABLE_REASON, reason)
              .bagEntry(HeaderNames.DELIVERY_TAG, deliveryTag)
              .bagEntry(HeaderNames.REDELIVERED, redelivered)
              .build(),
          new MessageBody(body, "application/octet-stream"));
    }
  }

  /** A header whose value cannot be read; its message names the header and the value. */
  private static final class UnreadableHeaderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnreadableHeaderException(String header, @Nullable Object value, String expected) {
      super(header + " header " + quoted(value) + " is not " + expected);
    }

    private static String quoted(@Nullable Object value) {
      String text = String.valueOf(value);
      return "'" + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "'";
    }
  }

  /**
   * The properties of the dead-letter copy of a delivery whose properties were {@code original}:
   * every original property and header as it came (so a message this transport could not read keeps
   * what was wrong with it), with the rejection {@code reason}, the handled count {@code message}
   * carries when it was read, and why it could not be read when it was not.
   */
  static AMQP.BasicProperties rejected(
      AMQP.BasicProperties original, Message message, String reason) {
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.put(HeaderNames.REJECTION_REASON, reason);
    MessageHeader header = message.header();
    if (header.messageType() == MessageType.UNACCEPTABLE) {
      Object why = header.bag().get(HeaderNames.UNREADABLE_REASON);
      if (why != null) {
        headers.put(HeaderNames.UNREADABLE_REASON, why.toString());
      }
    } else {
      headers.put(RmqHeaders.HANDLED_COUNT, header.handledCount());
    }
    return original.builder().headers(headers).build();
  }

  /** Whether {@code text} fits an AMQP short string, as the {@code message_id} property is. */
  private static boolean fitsShortString(String text) {
    return text.length() <= SHORT_STRING_BYTES / 3
        || text.getBytes(StandardCharsets.UTF_8).length <= SHORT_STRING_BYTES;
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

  /** The message id {@code properties} carry, in the property or the CloudEvents header. */
  static @Nullable String messageId(AMQP.BasicProperties properties) {
    String id = properties.getMessageId();
    if (id == null && properties.getHeaders() != null) {
      Object header = properties.getHeaders().get(RmqHeaders.CLOUD_EVENTS_ID);
      id = header == null ? null : header.toString();
    }
    return id;
  }

  private static Id readId(AMQP.BasicProperties properties, Map<String, Object> headers) {
    String id = properties.getMessageId();
    if (id == null || id.isBlank()) {
      id = text(headers, RmqHeaders.CLOUD_EVENTS_ID, null);
    }
    return id == null || id.isBlank() ? Id.random() : Id.of(id);
  }

  /** The {@code Topic} header, else the delivery's routing key, else the subscribed topic. */
  private static RoutingKey readTopic(
      Map<String, Object> headers, String routingKey, RoutingKey subscribed) {
    String topic = text(headers, RmqHeaders.TOPIC, null);
    if (topic != null && !topic.isBlank()) {
      return RoutingKey.of(topic);
    }
    return routingKey == null || routingKey.isBlank() ? subscribed : RoutingKey.of(routingKey);
  }

  private static URI readSource(Map<String, Object> headers) {
    String source = text(headers, RmqHeaders.CLOUD_EVENTS_SOURCE, null);
    if (source == null || source.equals(DEFAULT_SOURCE_TEXT)) {
      return MessageHeader.DEFAULT_SOURCE;
    }
    URI uri = optionalUri(headers, RmqHeaders.CLOUD_EVENTS_SOURCE);
    return uri == null ? MessageHeader.DEFAULT_SOURCE : uri;
  }

  private static MessageType readType(Map<String, Object> headers) {
    String type = text(headers, RmqHeaders.MESSAGE_TYPE, null);
    if (type == null || type.isBlank()) {
      return MessageType.EVENT;
    }
    String name = type.strip().toUpperCase(Locale.ROOT);
    if (name.startsWith(TYPE_PREFIX)) {
      name = name.substring(TYPE_PREFIX.length());
    }
    try {
      return MessageType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new UnreadableHeaderException(RmqHeaders.MESSAGE_TYPE, type, "a message type");
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

  /** A count or a number of milliseconds: a whole number, 0 when absent. */
  private static int count(Map<String, Object> headers, String name, boolean signed) {
    Object value = headers.get(name);
    try {
      long number =
          switch (value) {
            case null -> 0;
            case Number n -> n.longValue();
            case String s -> Long.parseLong(s.strip());
            default -> throw new NumberFormatException();
          };
      if ((number < 0 && !signed) || Math.abs(number) > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return (int) number;
    } catch (NumberFormatException e) {
      throw new UnreadableHeaderException(
          name, value, signed ? "a whole number of milliseconds" : "a whole number from 0 to 2^31");
    }
  }

  private static @Nullable String text(
      Map<String, Object> headers, String key, @Nullable String fallback) {
    Object value = headers.get(key);
    return value == null ? fallback : value.toString();
  }

  private static @Nullable Id optionalId(@Nullable String value) {
    return value == null || value.isBlank() ? null : Id.of(value);
  }

  private static @Nullable URI optionalUri(Map<String, Object> headers, String name) {
    String value = text(headers, name, null);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new UnreadableHeaderException(name, value, "a URI");
    }
  }

  private static @Nullable RoutingKey optionalKey(@Nullable String value) {
    return value == null || value.isBlank() ? null : RoutingKey.of(value);
  }
}
