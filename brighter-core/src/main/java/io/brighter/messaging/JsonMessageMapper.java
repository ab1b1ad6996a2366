package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighter.Command;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.actions.InvalidMessageAction;
import io.brighter.messaging.internal.BrighterJson;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The default mapper: writes a request as UTF-8 JSON with Jackson and reads it back. The header
 * takes the topic, CloudEvents attributes, reply address and default headers from the {@link
 * Publication}, the message id from the request, and from the {@link RequestContext} bag the
 * partition key, correlation id and extra headers named in {@link ContextBagKeys}. A {@link
 * Command} becomes a {@link MessageType#COMMAND} message, an {@link Event} an {@link
 * MessageType#EVENT} one.
 *
 * {@snippet :
 * JsonMessageMapper<GreetingAdded> mapper = new JsonMessageMapper<>(GreetingAdded.class);
 * Message message = mapper.mapToMessage(event, publication);
 * GreetingAdded back = mapper.mapToRequest(message);
 * }
 *
 * <p>A body without an {@code id} (or with {@code "id": null}), as a publisher that is not Brighter
 * may send, is read with the message's id as the request's id, so the inbox still tells a
 * redelivery from a new message; when the request type does not take the id that way either, the
 * message is refused as unacceptable ({@link InvalidMessageAction}), never handed on without an id.
 *
 * <p>The default {@link ObjectMapper} handles records and {@code java.time} values (as ISO-8601
 * text), ignores unknown properties and writes an {@link Id} as a plain string. Pass another to
 * {@link #JsonMessageMapper(Class, ObjectMapper)}, perhaps a {@link #defaultObjectMapper()} with
 * more modules. Thread-safe.
 *
 * @param <T> the request type
 */
public class JsonMessageMapper<T extends Request> implements MessageMapper<T> {

  private static final String ID = "id";

  private final Class<T> requestType;
  private final ObjectReader reader;
  private final ObjectWriter writer;

  /** A mapper for {@code requestType} using the shared default configuration. */
  public JsonMessageMapper(Class<T> requestType) {
    this(requestType, BrighterJson.reader(), BrighterJson.writer());
  }

  /**
   * A mapper for {@code requestType} using {@code json}'s configuration as it is now; later changes
   * to {@code json} do not reach it.
   *
   * @throws ConfigurationException when {@code json} has default typing activated, which would let
   *     a message name the classes it is read into
   */
  public JsonMessageMapper(Class<T> requestType, ObjectMapper json) {
    this(
        requestType,
        BrighterJson.withoutDefaultTyping(
                requireNonNull(json, "json must not be null"), "JsonMessageMapper.json")
            .reader(),
        json.writer());
  }

  private JsonMessageMapper(Class<T> requestType, ObjectReader reader, ObjectWriter writer) {
    this.requestType = requireNonNull(requestType, "requestType must not be null");
    this.reader = reader.forType(requestType);
    this.writer = writer;
  }

  static <R extends Request> JsonMessageMapper<R> forType(Class<R> requestType) {
    return new JsonMessageMapper<>(requestType);
  }

  /** A copy of the default {@link ObjectMapper} configuration, to extend. */
  public static ObjectMapper defaultObjectMapper() {
    return BrighterJson.copy();
  }

  @Override
  public Message mapToMessage(T request, Publication publication) {
    return new Message(header(request, publication).build(), body(request));
  }

  @Override
  public Message mapToMessage(T request, Publication publication, RequestContext context) {
    MessageHeader.Builder header = header(request, publication);
    Map<String, Object> bag = context.bag();
    Object partitionKey = bag.get(ContextBagKeys.PARTITION_KEY);
    if (partitionKey != null) {
      header.partitionKey(partitionKey.toString());
    }
    Object correlationId = bag.get(ContextBagKeys.CORRELATION_ID);
    if (correlationId instanceof Id id) {
      header.correlationId(id);
    } else if (correlationId instanceof String text && !text.isBlank()) {
      header.correlationId(Id.of(text));
    }
    if (bag.get(ContextBagKeys.HEADERS) instanceof Map<?, ?> headers) {
      headers.forEach((key, value) -> header.bagEntry(String.valueOf(key), value));
    }
    return new Message(header.build(), body(request));
  }

  @Override
  public T mapToRequest(Message message) {
    T request;
    try {
      request = reader.readValue(message.body().bytes());
    } catch (JacksonException e) {
      throw unreadable(message, e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw unreadable(message, e.getMessage(), e);
    }
    if (request == null) {
      throw unreadable(message, "the body is JSON null", null);
    }
    return request.id() != null ? request : withMessageId(message);
  }

  /** Reads the body again with the message id in place of its missing {@code id}. */
  private T withMessageId(Message message) {
    T request;
    try {
      JsonNode body = reader.readTree(message.body().bytes());
      if (!(body instanceof ObjectNode object)) {
        throw unreadable(message, "the body is not a JSON object", null);
      }
      object.put(ID, message.id().value());
      request = reader.treeToValue(object, requestType);
    } catch (JacksonException e) {
      throw unreadable(message, e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw unreadable(message, e.getMessage(), e);
    }
    if (request == null || request.id() == null) {
      throw unreadable(message, "the request has no id, and does not take the message id", null);
    }
    return request;
  }

  private MessageHeader.Builder header(T request, Publication publication) {
    return MessageHeader.builder(request.id(), publication.topic(), messageType(request))
        .contentType(MessageBody.JSON)
        .source(publication.source())
        .type(publication.type())
        .subject(publication.subject())
        .dataSchema(publication.dataSchema())
        .replyTo(publication.replyTo())
        .bag(publication.defaultHeaders());
  }

  private MessageBody body(T request) {
    try {
      return new MessageBody(writer.writeValueAsBytes(request), MessageBody.JSON);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Cannot write " + requestType.getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static MessageType messageType(Request request) {
    if (request instanceof Command) {
      return MessageType.COMMAND;
    }
    if (request instanceof Event) {
      return MessageType.EVENT;
    }
    throw new ConfigurationException(
        request.getClass().getName()
            + " is neither a Command nor an Event, so the JSON mapper cannot choose a message type");
  }

  private InvalidMessageAction unreadable(
      Message message, @Nullable String cause, @Nullable Throwable e) {
    return new InvalidMessageAction(
        "Message " + message.id() + " cannot be read as " + requestType.getName() + ": " + cause,
        e);
  }
}
