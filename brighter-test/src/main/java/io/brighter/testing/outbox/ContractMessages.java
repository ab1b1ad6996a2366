package io.brighter.testing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The messages the outbox cases store: each on the case's own topic, with a fresh id. */
final class ContractMessages {

  private static final String CONTENT_TYPE = "application/vnd.brighter.greeting+json";

  private final RoutingKey topic = RoutingKey.of("outbox-contract." + Id.random());

  private final RoutingKey otherTopic = RoutingKey.of("outbox-contract-other." + Id.random());

  /** The case's topic. */
  RoutingKey topic() {
    return topic;
  }

  /** A second topic of the case's own. */
  RoutingKey otherTopic() {
    return otherTopic;
  }

  /** A small message made at {@code timestamp} (kept to whole milliseconds). */
  Message at(Instant timestamp) {
    return at(timestamp, topic);
  }

  /** A small message on {@code on} made at {@code timestamp} (kept to whole milliseconds). */
  Message at(Instant timestamp, RoutingKey on) {
    return new Message(
        MessageHeader.builder(Id.random(), on, MessageType.EVENT)
            .timestamp(timestamp.truncatedTo(ChronoUnit.MILLIS))
            .build(),
        MessageBody.json("{\"greeting\":\"hello\"}"));
  }

  /** A message made at {@code timestamp} with every header field set to a value not its default. */
  Message full(Instant timestamp) {
    MessageHeader header =
        MessageHeader.builder(Id.random(), topic, MessageType.COMMAND)
            .timestamp(timestamp.truncatedTo(ChronoUnit.MILLIS))
            .handledCount(3)
            .delay(Duration.ofMillis(1500))
            .correlationId(Id.random())
            .replyTo(RoutingKey.of(topic.value() + ".reply"))
            .contentType(CONTENT_TYPE)
            .partitionKey("partition-7")
            .bag(Map.of("text", "hello", "int", 42, "long", 9_000_000_000L, "decimal", 1.5))
            .bagEntry("flag", true)
            .source(URI.create("https://greetings.example/api"))
            .type("io.brighter.greeting.added")
            .specVersion("1.0")
            .dataSchema(URI.create("https://greetings.example/schemas/greeting.json"))
            .subject("greeting/ada")
            .dataRef("claim-check/" + Id.random())
            .traceParent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
            .traceState("brighter=00f067aa0ba902b7")
            .baggage("tenant=acme,region=eu")
            .build();
    assertThat(header)
        .as("the contract's full message sets every field")
        .hasNoNullFieldsOrProperties();
    return new Message(
        header,
        new MessageBody(
            "{\"greeting\":\"héllo wörld\"}".getBytes(StandardCharsets.UTF_8), CONTENT_TYPE));
  }

  /** The ids of {@code messages}, in order. */
  static List<Id> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }

  /** The ids of {@code messages} that are among {@code ours}, in the order listed. */
  static List<Id> idsAmong(List<Message> messages, List<Message> ours) {
    List<Id> ourIds = ids(ours);
    return ids(messages).stream().filter(ourIds::contains).toList();
  }

  /** Checks {@code actual} equals {@code expected} field by field, naming any that differ. */
  static void assertSameMessage(Message actual, Message expected) {
    assertThat(actual)
        .as("message %s read back from the outbox", expected.id())
        .usingRecursiveComparison()
        .isEqualTo(expected);
  }
}
