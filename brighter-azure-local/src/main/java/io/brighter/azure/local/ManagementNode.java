package io.brighter.azure.local;

import io.brighter.azure.local.MessageStore.LockLostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * An entity's {@code $management} node: the request-reply operations the SDK uses besides sending
 * and receiving. {@code com.microsoft:schedule-message} and {@code cancel-scheduled-message} on
 * queues and topics; {@code renew-lock}, {@code update-disposition} (completed, abandoned,
 * suspended, defered), {@code peek-message}, and for sessions {@code renew-session-lock}, {@code
 * get-session-state} and {@code set-session-state}, on queues, subscriptions and their dead-letter
 * sub-queues. Replies carry {@code statusCode} 200 (204 for an empty peek), 404 for an unknown
 * entity, 410 with {@code com.microsoft:message-lock-lost} for a lock not held, and 501 for an
 * operation the front does not model.
 */
final class ManagementNode {

  private static final String VENDOR = "com.microsoft:";

  private final ServiceBusNamespace namespace;
  private final Clock clock;

  ManagementNode(ServiceBusNamespace namespace, Clock clock) {
    this.namespace = namespace;
    this.clock = clock;
  }

  /** The reply to {@code request} sent to the management node of {@code entityPath}. */
  Message reply(String entityPath, Message request) {
    Map<?, ?> properties =
        request.getApplicationProperties() == null
            ? Map.of()
            : request.getApplicationProperties().getValue();
    String operation = String.valueOf(properties.get("operation"));
    Map<?, ?> body =
        request.getBody() instanceof AmqpValue value && value.getValue() instanceof Map<?, ?> map
            ? map
            : Map.of();
    Instant now = clock.instant();
    synchronized (namespace) {
      try {
        return switch (operation) {
          case VENDOR + "schedule-message" -> schedule(entityPath, body, now);
          case VENDOR + "cancel-scheduled-message" -> cancel(entityPath, body);
          case VENDOR + "renew-lock" -> renew(store(entityPath), body, now);
          case VENDOR + "update-disposition" -> dispose(store(entityPath), body, now);
          case VENDOR + "peek-message" -> peek(store(entityPath), body);
          case VENDOR + "renew-session-lock" ->
              status(
                  200,
                  "OK",
                  Map.of(
                      "expiration", Date.from(store(entityPath).renewSession(session(body), now))));
          case VENDOR + "get-session-state" -> {
            byte[] state = store(entityPath).sessionState(session(body));
            Map<String, Object> reply = new HashMap<>();
            reply.put("session-state", state == null ? null : new Binary(state));
            yield status(200, "OK", reply);
          }
          case VENDOR + "set-session-state" -> {
            Object state = body.get("session-state");
            store(entityPath)
                .sessionState(
                    session(body), state instanceof Binary binary ? AmqpFront.bytes(binary) : null);
            yield status(200, "OK", Map.of());
          }
          default -> status(501, "The front does not model " + operation, null);
        };
      } catch (EntityNotFound e) {
        return status(404, "The messaging entity '" + entityPath + "' could not be found.", null);
      } catch (LockLostException e) {
        Message reply = status(410, String.valueOf(e.getMessage()), null);
        Map<String, Object> values = reply.getApplicationProperties().getValue();
        values.put("errorCondition", "com.microsoft:message-lock-lost");
        return reply;
      }
    }
  }

  private static final class EntityNotFound extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private MessageStore store(String path) throws EntityNotFound {
    MessageStore store = namespace.receivable(path);
    if (store == null) {
      throw new EntityNotFound();
    }
    return store;
  }

  private Message schedule(String path, Map<?, ?> body, Instant now) throws EntityNotFound {
    if (!namespace.sendable(path)) {
      throw new EntityNotFound();
    }
    List<Long> sequenceNumbers = new ArrayList<>();
    for (Object entry : list(body.get("messages"))) {
      if (entry instanceof Map<?, ?> map && map.get("message") instanceof Binary binary) {
        byte[] encoded = AmqpFront.bytes(binary);
        Message message = Proton.message();
        message.decode(encoded, 0, encoded.length);
        sequenceNumbers.add(
            namespace.send(path, encoded, message, AmqpFront.scheduledTime(message), now));
      }
    }
    Long[] numbers = sequenceNumbers.toArray(new Long[0]);
    return status(200, "OK", Map.of("sequence-numbers", numbers));
  }

  private Message cancel(String path, Map<?, ?> body) throws EntityNotFound {
    if (!namespace.sendable(path)) {
      throw new EntityNotFound();
    }
    for (Object number : list(body.get("sequence-numbers"))) {
      namespace.cancelScheduled(path, ((Number) number).longValue());
    }
    return status(200, "OK", Map.of());
  }

  private Message renew(MessageStore store, Map<?, ?> body, Instant now) throws LockLostException {
    List<Date> expirations = new ArrayList<>();
    for (Object token : list(body.get("lock-tokens"))) {
      expirations.add(Date.from(store.renew((UUID) token, now)));
    }
    return status(200, "OK", Map.of("expirations", expirations.toArray(new Date[0])));
  }

  private Message dispose(MessageStore store, Map<?, ?> body, Instant now)
      throws LockLostException {
    String status = String.valueOf(body.get("disposition-status"));
    String reason = text(body.get("deadletter-reason"));
    String description = text(body.get("deadletter-description"));
    Map<String, Object> modified = new HashMap<>();
    if (body.get("properties-to-modify") instanceof Map<?, ?> properties) {
      properties.forEach((key, value) -> modified.put(String.valueOf(key), value));
    }
    for (Object token : list(body.get("lock-tokens"))) {
      UUID lock = (UUID) token;
      switch (status) {
        case "completed" -> store.complete(lock, now);
        case "abandoned" -> store.abandon(lock, modified, now);
        case "suspended" -> store.deadLetter(lock, reason, description, modified, now);
        case "defered" -> store.defer(lock, now);
        default -> {
          return status(400, "Unknown disposition status " + status, null);
        }
      }
    }
    return status(200, "OK", Map.of());
  }

  private Message peek(MessageStore store, Map<?, ?> body) {
    long from = body.get("from-sequence-number") instanceof Number n ? n.longValue() : 1;
    int count = body.get("message-count") instanceof Number n ? n.intValue() : 1;
    List<Map<String, Object>> messages = new ArrayList<>();
    for (BusMessage message : store.peek(from, count)) {
      messages.add(
          Map.of("message", new Binary(AmqpFront.encode(AmqpFront.annotated(message, false)))));
    }
    if (messages.isEmpty()) {
      return status(204, "No messages", null);
    }
    return status(200, "OK", Map.of("messages", messages));
  }

  private static String session(Map<?, ?> body) {
    return String.valueOf(body.get("session-id"));
  }

  private static List<?> list(@Nullable Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    if (value instanceof long[] longs) {
      return java.util.Arrays.stream(longs).boxed().toList();
    }
    return List.of();
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  static Message status(int code, String description, @Nullable Map<String, ?> body) {
    Message reply = Proton.message();
    Map<String, Object> properties = new HashMap<>();
    properties.put("statusCode", code);
    properties.put("statusDescription", description);
    reply.setApplicationProperties(new ApplicationProperties(properties));
    if (body != null) {
      reply.setBody(new AmqpValue(body));
    }
    return reply;
  }
}
