package io.brighter.messaging.transforms;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.actions.InvalidMessageAction;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.Publication;
import io.brighter.messaging.internal.BrighterJson;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The transform behind {@link CloudEvents} and {@link ReadFromCloudEvents}. */
final class CloudEventsTransform implements MessageTransform, ConfiguredBy<Annotation> {

  static final String STRUCTURED = "application/cloudevents+json";

  private CloudEventsFormat format = CloudEventsFormat.BINARY;
  private @Nullable URI source;
  private @Nullable String type;
  private @Nullable String subject;
  private @Nullable URI dataSchema;

  @Override
  public void configure(Annotation annotation, Class<?> mapper) {
    if (annotation instanceof CloudEvents events) {
      String where = "@CloudEvents on " + mapper.getName();
      format = events.format();
      source = uri(events.source(), where + ": source");
      type = blankToNull(events.type());
      subject = blankToNull(events.subject());
      dataSchema = uri(events.dataSchema(), where + ": dataSchema");
    } else if (!(annotation instanceof ReadFromCloudEvents)) {
      throw BuiltInTransforms.unexpected(this, annotation);
    }
  }

  @Override
  public Message wrap(Message message, Publication publication) {
    MessageHeader existing = message.header();
    MessageHeader.Builder header = existing.toBuilder();
    if (unchosen(existing.source(), MessageHeader.DEFAULT_SOURCE, publication.source())) {
      header.source(source != null ? source : publication.source());
    }
    if (unchosen(existing.type(), MessageHeader.DEFAULT_TYPE, publication.type())) {
      header.type(type != null ? type : publication.type());
    }
    if (unchosen(existing.subject(), null, publication.subject())) {
      header.subject(subject != null ? subject : publication.subject());
    }
    if (unchosen(existing.dataSchema(), null, publication.dataSchema())) {
      header.dataSchema(dataSchema != null ? dataSchema : publication.dataSchema());
    }
    Message binary = message.withHeader(header.build());
    return format == CloudEventsFormat.JSON ? structured(binary) : binary;
  }

  @Override
  public Message unwrap(Message message) {
    if (!STRUCTURED.equals(baseType(message.header().contentType()))
        && !STRUCTURED.equals(baseType(message.body().contentType()))) {
      return message;
    }
    try {
      JsonNode envelope = BrighterJson.reader().readTree(message.body().bytes());
      if (envelope == null || !envelope.isObject() || !envelope.hasNonNull("specversion")) {
        throw new InvalidMessageAction(
            "Message " + message.id() + " is not a CloudEvents JSON envelope");
      }
      return fromEnvelope(message, envelope);
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidMessageAction(
          "Message " + message.id() + " has a malformed CloudEvents envelope: " + e.getMessage(),
          e);
    }
  }

  /**
   * Whether the mapper left {@code value} as the header default or the publication's, rather than
   * choosing it; only such values may be replaced.
   */
  private static boolean unchosen(
      @Nullable Object value, @Nullable Object headerDefault, @Nullable Object fromPublication) {
    return Objects.equals(value, headerDefault) || Objects.equals(value, fromPublication);
  }

  private static Message structured(Message message) {
    MessageHeader header = message.header();
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("specversion", header.specVersion());
    envelope.put("id", header.messageId().value());
    envelope.put("source", header.source().toString());
    envelope.put("type", header.type());
    if (header.subject() != null) {
      envelope.put("subject", header.subject());
    }
    if (header.dataSchema() != null) {
      envelope.put("dataschema", String.valueOf(header.dataSchema()));
    }
    envelope.put("time", header.timestamp().toString());
    envelope.put("datacontenttype", header.contentType());
    byte[] data = message.body().bytes();
    if (data.length > 0) {
      JsonNode json = isJson(header.contentType()) ? readJson(data) : null;
      if (json != null) {
        envelope.set("data", json);
      } else {
        envelope.put("data_base64", Base64.getEncoder().encodeToString(data));
      }
    }
    byte[] bytes;
    try {
      bytes = BrighterJson.writer().writeValueAsBytes(envelope);
    } catch (JacksonException e) {
      throw new IllegalStateException("Cannot write a CloudEvents envelope", e);
    }
    return new Message(
        header.toBuilder().contentType(STRUCTURED).build(), new MessageBody(bytes, STRUCTURED));
  }

  private static Message fromEnvelope(Message message, JsonNode envelope) throws IOException {
    MessageHeader.Builder header = message.header().toBuilder();
    header.specVersion(envelope.get("specversion").asText());
    if (envelope.hasNonNull("id")) {
      header.messageId(Id.of(envelope.get("id").asText()));
    }
    if (envelope.hasNonNull("source")) {
      header.source(URI.create(envelope.get("source").asText()));
    }
    if (envelope.hasNonNull("type")) {
      header.type(envelope.get("type").asText());
    }
    header.subject(envelope.hasNonNull("subject") ? envelope.get("subject").asText() : null);
    header.dataSchema(
        envelope.hasNonNull("dataschema") ? URI.create(envelope.get("dataschema").asText()) : null);
    if (envelope.hasNonNull("time")) {
      header.timestamp(Instant.parse(envelope.get("time").asText()));
    }
    String contentType =
        envelope.hasNonNull("datacontenttype")
            ? envelope.get("datacontenttype").asText()
            : MessageBody.JSON;
    header.contentType(contentType);
    byte[] data = new byte[0];
    if (envelope.hasNonNull("data_base64")) {
      data = Base64.getDecoder().decode(envelope.get("data_base64").asText());
    } else if (envelope.get("data") instanceof JsonNode inline) {
      data =
          inline.isTextual() && !isJson(contentType)
              ? inline.asText().getBytes(StandardCharsets.UTF_8)
              : BrighterJson.writer().writeValueAsBytes(inline);
    }
    return new Message(header.build(), new MessageBody(data, contentType));
  }

  private static @Nullable JsonNode readJson(byte[] data) {
    try {
      return BrighterJson.reader().readTree(data);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static boolean isJson(String contentType) {
    String base = baseType(contentType);
    return base.equals("application/json") || base.equals("text/json") || base.endsWith("+json");
  }

  private static String baseType(String contentType) {
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static @Nullable String blankToNull(String value) {
    return value.isBlank() ? null : value;
  }

  private static @Nullable URI uri(String value, String where) {
    if (value.isBlank()) {
      return null;
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new ConfigurationException(where + " is not a URI: " + value, e);
    }
  }
}
