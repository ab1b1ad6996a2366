package io.brighter.testing.transport;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.RawDelivery.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages {@link TransportContract}'s poison cases publish, each with what must become of it,
 * and the valid events published between them.
 */
final class PoisonMessages {

  /** The CloudEvents type no subscription of the suite knows. */
  static final String UNKNOWN_TYPE = "brighter.poison.unknown";

  /** A body that is not JSON. */
  private static final byte[] NOT_JSON = "{not json".getBytes(StandardCharsets.UTF_8);

  /** What must become of a poison message. */
  enum Outcome {
    /** Its request reaches the handler once. */
    HANDLED,
    /** It arrives on the dead-letter channel with a reason that names what was wrong. */
    DEAD_LETTERED,
    /** Either, as the transport reads such headers strictly or leniently; never left unsettled. */
    SETTLED
  }

  /**
   * One poison message: its name, the id it goes by, what must become of it, and the words the
   * rejection reason must hold when it is dead-lettered.
   */
  record Poison(String name, Id id, Outcome outcome, List<String> reasonWords) {}

  /** A poison message published through the transport's producer. */
  record MessagePoison(Poison poison, Message message) {}

  /** A poison delivery published with the broker's own client. */
  record RawPoison(Poison poison, RawDelivery delivery) {}

  private PoisonMessages() {}

  /** A valid event on {@code topic} whose request has {@code id}. */
  static Message valid(RoutingKey topic, Id id) {
    return new Message(
        MessageHeader.builder(id, topic, MessageType.EVENT).build(),
        MessageBody.json(body(id, "valid")));
  }

  /** Poison every producer can send. */
  static List<MessagePoison> forProducers(RoutingKey topic) {
    Id quit = Id.random();
    Id none = Id.random();
    Id notJson = Id.random();
    Id empty = Id.random();
    Id noIdInBody = Id.random();
    Id unknownType = Id.random();
    Id hugeHeader = Id.random();
    Id longId = Id.of("l".repeat(300));
    return List.of(
        new MessagePoison(
            poison("a quit message", quit, Outcome.DEAD_LETTERED, "Unacceptable", "QUIT"),
            message(topic, quit, MessageType.QUIT, MessageBody.json(body(quit, "quit")))),
        new MessagePoison(
            poison("a message of type NONE", none, Outcome.DEAD_LETTERED, "Unacceptable", "NONE"),
            message(topic, none, MessageType.NONE, MessageBody.json(body(none, "none")))),
        new MessagePoison(
            poison("a body that is not JSON", notJson, Outcome.DEAD_LETTERED, "Unacceptable"),
            message(
                topic, notJson, MessageType.EVENT, new MessageBody(NOT_JSON, MessageBody.JSON))),
        new MessagePoison(
            poison("an empty body", empty, Outcome.DEAD_LETTERED, "Unacceptable"),
            message(topic, empty, MessageType.EVENT, MessageBody.EMPTY)),
        new MessagePoison(
            poison("a JSON body without an id", noIdInBody, Outcome.HANDLED),
            message(
                topic,
                noIdInBody,
                MessageType.EVENT,
                MessageBody.json("{\"text\":\"no id in the body\"}"))),
        new MessagePoison(
            poison(
                "a CloudEvents type no handler knows",
                unknownType,
                Outcome.DEAD_LETTERED,
                "Unacceptable",
                "request type"),
            new Message(
                MessageHeader.builder(unknownType, topic, MessageType.EVENT)
                    .type(UNKNOWN_TYPE)
                    .build(),
                MessageBody.json(body(unknownType, "unknown type")))),
        new MessagePoison(
            poison(
                "a 129 KB header and a bad body",
                hugeHeader,
                Outcome.DEAD_LETTERED,
                "Unacceptable"),
            new Message(
                MessageHeader.builder(hugeHeader, topic, MessageType.EVENT)
                    .bagEntry("x-poison-huge", "h".repeat(129_000))
                    .build(),
                new MessageBody(NOT_JSON, MessageBody.JSON))),
        new MessagePoison(
            poison(
                "a 300-character id and a bad body", longId, Outcome.DEAD_LETTERED, "Unacceptable"),
            message(
                topic, longId, MessageType.EVENT, new MessageBody(NOT_JSON, MessageBody.JSON))));
  }

  /** Poison only a raw client can publish: headers no Brighter producer writes. */
  static List<RawPoison> forRawClients() {
    Id blankTopic = Id.random();
    Id spaceTopic = Id.random();
    Id badType = Id.random();
    Id badCount = Id.random();
    Id longId = Id.of("c".repeat(300));
    Id hugeHeader = Id.random();
    Id noHeaders = Id.random();
    return List.of(
        new RawPoison(
            poison("an empty Topic header", blankTopic, Outcome.HANDLED),
            event(blankTopic, Map.of(Field.TOPIC, ""))),
        new RawPoison(
            poison("a Topic header of one space", spaceTopic, Outcome.HANDLED),
            event(spaceTopic, Map.of(Field.TOPIC, " "))),
        new RawPoison(
            poison(
                "an unknown MessageType",
                badType,
                Outcome.DEAD_LETTERED,
                "Unacceptable",
                "MessageType",
                "MT_GARBAGE"),
            event(badType, Map.of(Field.MESSAGE_TYPE, "MT_GARBAGE"))),
        new RawPoison(
            poison(
                "a HandledCount that is not a number", badCount, Outcome.SETTLED, "HandledCount"),
            event(badCount, Map.of(Field.HANDLED_COUNT, "many"))),
        new RawPoison(
            poison(
                "a 300-character id and a bad body", longId, Outcome.DEAD_LETTERED, "Unacceptable"),
            new RawDelivery(Map.of(Field.MESSAGE_ID, longId.value()), Map.of(), NOT_JSON)),
        new RawPoison(
            poison(
                "a header just under RabbitMQ's 128 KiB frame and a bad body",
                hugeHeader,
                Outcome.DEAD_LETTERED,
                "Unacceptable"),
            new RawDelivery(
                Map.of(Field.MESSAGE_ID, hugeHeader.value()),
                // the delivery fits a frame; its dead-letter copy, with the rejection headers
                // added, fits only once its largest headers are cut
                Map.of("x-poison-huge", "h".repeat(130_800)),
                NOT_JSON)),
        new RawPoison(
            poison("no headers at all", noHeaders, Outcome.HANDLED),
            new RawDelivery(
                Map.of(),
                Map.of(),
                body(noHeaders, "no headers").getBytes(StandardCharsets.UTF_8))));
  }

  private static Poison poison(String name, Id id, Outcome outcome, String... reasonWords) {
    return new Poison(name, id, outcome, List.of(reasonWords));
  }

  private static Message message(RoutingKey topic, Id id, MessageType type, MessageBody body) {
    return new Message(MessageHeader.builder(id, topic, type).build(), body);
  }

  /** A raw delivery of a JSON event whose body and message id are {@code id}. */
  private static RawDelivery event(Id id, Map<Field, String> fields) {
    Map<Field, String> all = new HashMap<>(fields);
    all.put(Field.MESSAGE_ID, id.value());
    return new RawDelivery(all, Map.of(), body(id, "raw").getBytes(StandardCharsets.UTF_8));
  }

  private static String body(Id id, String text) {
    return "{\"id\":\"" + id.value() + "\",\"text\":\"" + text + "\"}";
  }
}
