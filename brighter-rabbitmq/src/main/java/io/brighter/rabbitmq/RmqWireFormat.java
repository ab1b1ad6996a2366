package io.brighter.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.HeaderCodec;
import io.brighter.messaging.wire.RejectionHeaders;
import io.brighter.messaging.wire.TransportFields;
import io.brighter.messaging.wire.UnreadableHeaderException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Message} as AMQP properties, headers and body, and reads one back: the header
 * fields through the core {@link HeaderCodec} with .NET Brighter's header names ({@link
 * RmqHeaders#WIRE}), and the AMQP properties beside them ({@code message_id}, {@code timestamp} in
 * whole seconds, {@code content_type}, {@code type} for the body's content type, {@code reply_to},
 * {@code delivery_mode}). A delivery that cannot be read becomes an {@link
 * MessageType#UNACCEPTABLE} message, so the pump rejects it instead of failing.
 */
final class RmqWireFormat {

  private static final Logger LOG = LoggerFactory.getLogger(RmqWireFormat.class);
  private static final HeaderCodec CODEC = new HeaderCodec(RmqHeaders.WIRE);
  private static final int PERSISTENT = 2;
  private static final int TRANSIENT = 1;
  private static final int SHORT_STRING_BYTES = 255;

  private RmqWireFormat() {}

  /**
   * The AMQP properties of {@code message}: its header fields as properties and headers, its bag
   * entries as headers of their own (less local ones), {@code x-delay} when its delay is set.
   */
  static AMQP.BasicProperties properties(Message message, boolean persistent) {
    MessageHeader header = message.header();
    Map<String, Object> headers = new HashMap<>();
    CODEC.write(header, (name, value) -> headers.put(name, amqpValue(value)));
    String id = header.messageId().value();
    return new AMQP.BasicProperties.Builder()
        .messageId(fitsShortString(id) ? id : null) // cloudEvents_id carries a longer one
        // AMQP timestamps are whole seconds; cloudEvents_time keeps the milliseconds
        .timestamp(Date.from(header.timestamp().truncatedTo(ChronoUnit.SECONDS)))
        .contentType(header.contentType())
        .type(message.body().contentType())
        .replyTo(header.replyTo() == null ? null : header.replyTo().value())
        .deliveryMode(persistent ? PERSISTENT : TRANSIENT)
        .headers(headers)
        .build();
  }

  /**
   * The message of one delivery, carrying {@code receipt}. Never fails: a delivery it cannot read
   * becomes an {@link MessageType#UNACCEPTABLE} message whose bag holds every header as it came and
   * says why under {@link HeaderNames#UNREADABLE_REASON}. The topic is the {@code Topic} header,
   * else the delivery's routing key, else {@code subscribed}.
   */
  static Message toMessage(
      String routingKey,
      RoutingKey subscribed,
      AMQP.BasicProperties properties,
      byte[] body,
      Receipt receipt) {
    Map<String, Object> headers = decoded(properties.getHeaders());
    TransportFields transport =
        new TransportFields(
            properties.getMessageId(),
            routingKey == null || routingKey.isBlank() ? subscribed : RoutingKey.of(routingKey),
            properties.getTimestamp() == null ? null : properties.getTimestamp().toInstant(),
            properties.getContentType(),
            properties.getReplyTo(),
            null);
    try {
      MessageHeader header = CODEC.read(headers, transport, UnaryOperator.identity()).build();
      String bodyType = properties.getType() != null ? properties.getType() : header.contentType();
      return new Message(header, new MessageBody(body, bodyType), receipt);
    } catch (RuntimeException e) {
      String reason =
          e instanceof UnreadableHeaderException && e.getMessage() != null
              ? e.getMessage()
              : e.toString();
      MessageHeader header = CODEC.unreadable(headers, transport, reason);
      LOG.warn(
          "Could not read message {} from RabbitMQ; it is unacceptable: {}",
          header.messageId(),
          reason);
      return new Message(header, new MessageBody(body, "application/octet-stream"), receipt);
    }
  }

  /**
   * The properties of the dead-letter copy of a delivery whose properties were {@code original}:
   * every original property and header as it came (so a message this transport could not read keeps
   * what was wrong with it), with the rejection headers every transport adds ({@link
   * RejectionHeaders}) and the handled count {@code message} carries when it was read.
   */
  static AMQP.BasicProperties rejected(
      AMQP.BasicProperties original, Message message, RejectionReason reason, Instant now) {
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.putAll(RejectionHeaders.of(message, reason, now));
    if (message.header().messageType() != MessageType.UNACCEPTABLE) {
      headers.put(RmqHeaders.HANDLED_COUNT, message.header().handledCount());
    }
    return original.builder().headers(headers).build();
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

  /** Whether {@code text} fits an AMQP short string, as the {@code message_id} property is. */
  private static boolean fitsShortString(String text) {
    return text.length() <= SHORT_STRING_BYTES / 3
        || text.getBytes(StandardCharsets.UTF_8).length <= SHORT_STRING_BYTES;
  }

  /**
   * A value AMQP field tables hold: numbers, booleans, strings and byte arrays as they are, others
   * as text.
   */
  private static Object amqpValue(Object value) {
    return switch (value) {
      case String s -> s;
      case byte[] bytes -> bytes;
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

  /**
   * The headers with AMQP long strings decoded once, byte arrays kept (a reserved header sent as
   * bytes is read as UTF-8 text, so a wrong value is refused rather than taken for a missing one),
   * and without values a bag cannot hold (the tables and arrays the broker adds when it
   * dead-letters, such as {@code x-death}).
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
      case byte[] bytes -> bytes;
      default -> null;
    };
  }
}
