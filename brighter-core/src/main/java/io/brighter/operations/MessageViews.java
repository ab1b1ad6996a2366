package io.brighter.operations;

import io.brighter.messaging.DeadLetter;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.wire.WireMessageType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** Turns messages into the summaries and details operators see. */
final class MessageViews {

  private MessageViews() {}

  /** The line of an outstanding outbox message. */
  static MessageSummary outstanding(Message message) {
    MessageHeader header = message.header();
    return new MessageSummary(
        header.messageId().value(),
        header.topic().value(),
        WireMessageType.write(header.messageType()),
        header.timestamp(),
        null,
        0,
        message.body().size());
  }

  /** The line of a dead letter. */
  static MessageSummary deadLetter(DeadLetter letter) {
    Message message = letter.message();
    return new MessageSummary(
        letter.id().value(),
        letter.originalTopic() == null ? null : letter.originalTopic().value(),
        WireMessageType.write(message.header().messageType()),
        letter.rejectedAt(),
        letter.reason(),
        letter.redriveCount(),
        message.body().size());
  }

  /** {@code message} whole, its body cut at {@code maxBodyChars} characters. */
  static MessageDetail detail(MessageSummary summary, Message message, int maxBodyChars) {
    String body = text(message.body().bytes());
    boolean truncated = body.length() > maxBodyChars;
    return new MessageDetail(
        summary,
        headers(message.header()),
        truncated ? body.substring(0, maxBodyChars) : body,
        truncated);
  }

  private static Map<String, String> headers(MessageHeader header) {
    Map<String, String> shown = new TreeMap<>();
    BiConsumer<String, @Nullable Object> put =
        (name, value) -> {
          if (value != null) {
            shown.put(name, value.toString());
          }
        };
    header.bag().forEach(put);
    put.accept("messageId", header.messageId());
    put.accept("topic", header.topic());
    put.accept("messageType", WireMessageType.write(header.messageType()));
    put.accept("timestamp", header.timestamp());
    put.accept("handledCount", header.handledCount());
    put.accept("correlationId", header.correlationId());
    put.accept("replyTo", header.replyTo());
    put.accept("contentType", header.contentType());
    put.accept("partitionKey", header.partitionKey());
    put.accept("source", header.source());
    put.accept("type", header.type());
    put.accept("subject", header.subject());
    put.accept("dataRef", header.dataRef());
    put.accept("traceParent", header.traceParent());
    return shown;
  }

  /** The body as UTF-8 text, or as hexadecimal when it is not UTF-8. */
  private static String text(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      StringBuilder hex = new StringBuilder("0x");
      for (byte b : bytes) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    }
  }
}
