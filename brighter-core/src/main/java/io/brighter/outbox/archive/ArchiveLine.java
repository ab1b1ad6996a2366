package io.brighter.outbox.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link FileSystemArchiveProvider} file: every header field of a message, its body
 * bytes (written by Jackson as base64) and the body's content type. Absent optional fields are left
 * out of the line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArchiveLine(
    String messageId,
    String topic,
    MessageType messageType,
    Instant timestamp,
    int handledCount,
    Duration delay,
    @Nullable String correlationId,
    @Nullable String replyTo,
    String contentType,
    @Nullable String partitionKey,
    Map<String, Object> bag,
    URI source,
    String type,
    String specVersion,
    @Nullable URI dataSchema,
    @Nullable String subject,
    @Nullable String dataRef,
    @Nullable String traceParent,
    @Nullable String traceState,
    @Nullable String baggage,
    byte[] body,
    String bodyContentType) {

  /** The line for {@code message}. */
  static ArchiveLine of(Message message) {
    MessageHeader header = message.header();
    return new ArchiveLine(
        header.messageId().value(),
        header.topic().value(),
        header.messageType(),
        header.timestamp(),
        header.handledCount(),
        header.delay(),
        header.correlationId() == null ? null : header.correlationId().value(),
        header.replyTo() == null ? null : header.replyTo().value(),
        header.contentType(),
        header.partitionKey(),
        header.bag(),
        header.source(),
        header.type(),
        header.specVersion(),
        header.dataSchema(),
        header.subject(),
        header.dataRef(),
        header.traceParent(),
        header.traceState(),
        header.baggage(),
        message.body().bytes(),
        message.body().contentType());
  }

  /**
   * The message this line holds.
   *
   * @throws NullPointerException or {@link IllegalArgumentException} when a required field is
   *     missing or invalid
   */
  Message toMessage() {
    MessageHeader header =
        new MessageHeader(
            Id.of(messageId),
            RoutingKey.of(topic),
            messageType,
            timestamp,
            handledCount,
            delay,
            correlationId == null ? null : Id.of(correlationId),
            replyTo == null ? null : RoutingKey.of(replyTo),
            contentType,
            partitionKey,
            bag,
            source,
            type,
            specVersion,
            dataSchema,
            subject,
            dataRef,
            traceParent,
            traceState,
            baggage);
    return new Message(header, new MessageBody(body, bodyContentType));
  }
}
