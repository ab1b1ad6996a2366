package io.brighter.kafka.internal;

import io.brighter.kafka.KafkaHeaderNames;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.HeaderCodec;
import io.brighter.messaging.wire.TransportFields;
import io.brighter.messaging.wire.UnreadableHeaderException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Message} into a Kafka record and back: the header fields through the core {@link
 * HeaderCodec} with the header names of .NET Brighter's Kafka transport ({@link
 * KafkaHeaderNames#WIRE}), every value as UTF-8 text ({@code True}/{@code False} for booleans, as
 * .NET writes them; byte arrays as they are). The record key is the partition key, the value the
 * body bytes.
 *
 * <p>Reading follows the codec's rules, with the record's key as the partition key and its time as
 * the message time when the headers give none; the topic is the record's. Bag values come back
 * typed where the text is unambiguous: {@code true}/{@code false} in any case as a {@link Boolean},
 * a canonical decimal integer as a {@link Long}; all else as a {@link String}. A record that cannot
 * be read becomes an {@link MessageType#UNACCEPTABLE} message, which the pump rejects.
 */
public final class KafkaWireFormat {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaWireFormat.class);
  private static final HeaderCodec CODEC = new HeaderCodec(KafkaHeaderNames.WIRE);
  private static final byte[] EMPTY = new byte[0];

  private KafkaWireFormat() {}

  /** The record that carries {@code message} to {@code topic}. */
  public static ProducerRecord<String, byte[]> toRecord(Message message, String topic) {
    MessageHeader header =
        message.header().topic().value().equals(topic)
            ? message.header()
            : message.header().withTopic(RoutingKey.of(topic));
    Headers headers = new RecordHeaders();
    CODEC.write(header, (name, value) -> headers.add(name, bytes(value)));
    String key = header.partitionKey();
    return new ProducerRecord<>(
        topic, null, key == null || key.isEmpty() ? null : key, message.body().bytes(), headers);
  }

  /**
   * The message {@code record} carries, with {@code receipt}. Never fails: a record it cannot read
   * becomes an {@link MessageType#UNACCEPTABLE} message whose bag holds every header as text and
   * says why under {@link HeaderNames#UNREADABLE_REASON}.
   */
  public static Message toMessage(ConsumerRecord<String, byte[]> record, Receipt receipt) {

    TransportFields transport =
        new TransportFields(
            null,
            RoutingKey.of(record.topic()),
            Instant.ofEpochMilli(record.timestamp()),
            null,
            null,
            record.key());
    byte[] body = record.value() == null ? new byte[0] : record.value();
    try {
      // straight from the record's headers, values as bytes: the codec decodes those it uses
      MessageHeader header =
          CODEC
              .read(
                  record.headers(),
                  Header::key,
                  KafkaWireFormat::valueOf,
                  transport,
                  KafkaWireFormat::typed)
              .topic(RoutingKey.of(record.topic()))
              .build();
      return new Message(header, new MessageBody(body, header.contentType()), receipt);
    } catch (RuntimeException e) {
      String reason =
          e instanceof UnreadableHeaderException && e.getMessage() != null
              ? e.getMessage()
              : e.toString();
      LOG.warn(
          "Could not read a message from {} [{}] @{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          reason);
      Map<String, Object> headers = new LinkedHashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), valueOf(header));
      }
      return new Message(
          CODEC.unreadable(headers, transport, reason),
          new MessageBody(body, "application/octet-stream"),
          receipt);
    }
  }

  private static byte[] valueOf(Header header) {
    return header.value() == null ? EMPTY : header.value();
  }

  /** A bag value from its header text: a boolean or an integer where unambiguous, else the text. */
  static Object typed(Object value) {
    String text =
        switch (value) {
          case String string -> string;
          case byte[] bytes -> utf8(bytes);
          default -> null;
        };
    if (text == null) {
      return value;
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.valueOf(text);
    }
    return isCanonicalInteger(text) ? Long.valueOf(text) : text;
  }

  /**
   * Whether {@code text} is {@code 0} or an optionally negative whole number of up to 18 digits.
   */
  private static boolean isCanonicalInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18 || (digits > 1 && text.charAt(start) == '0')) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(@Nullable Object value) {
    return switch (value) {
      case null -> new byte[0];
      case byte[] bytes -> bytes.clone();
      case Boolean flag -> (flag ? "True" : "False").getBytes(StandardCharsets.UTF_8);
      default -> value.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  private static String utf8(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
