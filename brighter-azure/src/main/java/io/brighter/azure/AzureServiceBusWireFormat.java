package io.brighter.azure;

import com.azure.core.util.BinaryData;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import io.brighter.Id;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Message} as a Service Bus message and reads one back: the header fields as
 * application properties through the core {@link HeaderCodec} with .NET Brighter's names ({@link
 * AzureServiceBusHeaderNames}), and the message's own properties beside them. A delivery that
 * cannot be read becomes an {@link MessageType#UNACCEPTABLE} message, so the pump dead-letters it
 * instead of failing.
 */
final class AzureServiceBusWireFormat {

  private static final Logger LOG = LoggerFactory.getLogger(AzureServiceBusWireFormat.class);
  private static final HeaderCodec CODEC = new HeaderCodec(AzureServiceBusHeaderNames.WIRE);

  /** The longest dead-letter reason or description Service Bus keeps. */
  static final int MAX_DEAD_LETTER_TEXT = 4_096;

  /** The longest message id Service Bus takes. */
  static final int MAX_MESSAGE_ID = 128;

  private AzureServiceBusWireFormat() {}

  /** The Service Bus message that carries {@code message}. */
  static ServiceBusMessage toServiceBus(Message message) {
    MessageHeader header = message.header();
    ServiceBusMessage out = new ServiceBusMessage(BinaryData.fromBytes(message.body().bytes()));
    out.setMessageId(nativeId(header.messageId().value()));
    out.setContentType(header.contentType());
    if (header.correlationId() != null) {
      out.setCorrelationId(header.correlationId().value());
    }
    if (header.replyTo() != null) {
      out.setReplyTo(header.replyTo().value());
    }
    if (header.partitionKey() != null && !header.partitionKey().isEmpty()) {
      out.setSessionId(nativeId(header.partitionKey())); // a session entity reads by session
    }
    Map<String, Object> properties = out.getApplicationProperties();
    CODEC.write(header, (name, value) -> properties.put(name, propertyValue(value)));
    return out;
  }

  /**
   * The message of one delivery from {@code subscribed}, carrying {@code receipt}. Never fails: a
   * delivery it cannot read becomes an {@link MessageType#UNACCEPTABLE} message whose bag holds its
   * properties as they came and says why.
   */
  static Message toMessage(
      ServiceBusReceivedMessage delivery, RoutingKey subscribed, Receipt receipt) {
    Map<String, Object> properties = new HashMap<>();
    delivery
        .getApplicationProperties()
        .forEach(
            (name, value) -> {
              Object scalar = scalar(value);
              if (scalar != null) {
                properties.put(name, scalar);
              }
            });
    TransportFields transport =
        new TransportFields(
            // the CloudEvents id is the whole id; the message's own is cut to 128 characters
            properties.containsKey(AzureServiceBusHeaderNames.CLOUD_EVENTS_ID)
                ? null
                : delivery.getMessageId(),
            subscribed,
            delivery.getEnqueuedTime() == null ? null : delivery.getEnqueuedTime().toInstant(),
            delivery.getContentType(),
            delivery.getReplyTo(),
            delivery.getSessionId());
    byte[] body = delivery.getBody() == null ? new byte[0] : delivery.getBody().toBytes();
    try {
      MessageHeader.Builder header = CODEC.read(properties, transport, UnaryOperator.identity());
      if (delivery.getCorrelationId() != null && !delivery.getCorrelationId().isBlank()) {
        header.correlationId(Id.of(delivery.getCorrelationId()));
      }
      MessageHeader read = header.build();
      return new Message(read, new MessageBody(body, read.contentType()), receipt);
    } catch (RuntimeException e) {
      String reason =
          e instanceof UnreadableHeaderException && e.getMessage() != null
              ? e.getMessage()
              : e.toString();
      MessageHeader header = CODEC.unreadable(properties, transport, reason);
      LOG.warn(
          "Could not read message {} from Service Bus; it is unacceptable: {}",
          header.messageId(),
          reason);
      return new Message(header, new MessageBody(body, "application/octet-stream"), receipt);
    }
  }

  /**
   * The properties a rejected message is dead-lettered with: the rejection headers every transport
   * adds, and the handled count it carried when read.
   */
  static Map<String, Object> rejected(Message message, RejectionReason reason, Instant now) {
    Map<String, Object> properties = new HashMap<>(RejectionHeaders.of(message, reason, now));
    if (message.header().messageType() != MessageType.UNACCEPTABLE) {
      properties.put(AzureServiceBusHeaderNames.HANDLED_COUNT, message.header().handledCount());
    }
    return properties;
  }

  /**
   * The message id Service Bus takes (128 characters at most): {@code id} itself, or for a longer
   * one a UUID made from it, the same each time so duplicate detection still knows it. The whole id
   * travels as {@link AzureServiceBusHeaderNames#CLOUD_EVENTS_ID}.
   */
  static String nativeId(String id) {
    return id.length() <= MAX_MESSAGE_ID
        ? id
        : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** {@code text} cut to what Service Bus keeps as a dead-letter reason or description. */
  static String deadLetterText(String text) {
    return text.length() <= MAX_DEAD_LETTER_TEXT ? text : text.substring(0, MAX_DEAD_LETTER_TEXT);
  }

  /** A value application properties hold: numbers, booleans, strings and bytes; others as text. */
  private static Object propertyValue(Object value) {
    return switch (value) {
      case String s -> s;
      case byte[] bytes -> bytes;
      case Integer i -> i;
      case Long l -> l;
      case Short s -> s;
      case Byte b -> b;
      case Double d -> d;
      case Float f -> f;
      case Boolean b -> b;
      case UUID u -> u;
      case BigDecimal d -> d.toString();
      default -> value.toString();
    };
  }

  private static @Nullable Object scalar(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case Number n -> n;
      case Boolean b -> b;
      case String s -> s;
      case byte[] bytes -> bytes;
      default -> value.toString();
    };
  }
}
