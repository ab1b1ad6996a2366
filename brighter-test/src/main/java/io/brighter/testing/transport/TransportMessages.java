package io.brighter.testing.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The names and messages the transport cases use: fresh names so that suites can share a broker,
 * and messages with every carried header field set to a value not its default.
 */
final class TransportMessages {

  /** The partition key of the plain messages, so that they share one partition or group. */
  static final String PARTITION_KEY = "transport-contract";

  /** The bag entry holding a string. */
  static final String STRING_ENTRY = "x-contract-string";

  /** The bag entry holding a number. */
  static final String NUMBER_ENTRY = "x-contract-number";

  /** The bag entry holding a boolean. */
  static final String BOOLEAN_ENTRY = "x-contract-boolean";

  private TransportMessages() {}

  /**
   * A fresh name such as {@code tc-topic-0190…}: letters, digits and hyphens only, under 50
   * characters, which every broker accepts as a topic, queue or subscription name.
   */
  static String fresh(String what) {
    return "tc-" + what + "-" + Id.random();
  }

  /** A small event on {@code topic} whose body says {@code n}. */
  static Message plain(RoutingKey topic, int n) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, MessageType.EVENT)
            .partitionKey(PARTITION_KEY)
            .build(),
        MessageBody.json("{\"n\":" + n + "}"));
  }

  /** A command on {@code topic} with every header field a transport carries set. */
  static Message full(RoutingKey topic) {
    MessageHeader header =
        MessageHeader.builder(Id.random(), topic, MessageType.COMMAND)
            .correlationId(Id.random())
            .replyTo(RoutingKey.of(topic.value() + "-reply"))
            .contentType("application/vnd.brighter.contract+json")
            .partitionKey("order-7")
            .bagEntry(STRING_ENTRY, "text with spaces, commas and é")
            .bagEntry(NUMBER_ENTRY, 42)
            .bagEntry(BOOLEAN_ENTRY, true)
            .source(URI.create("https://contract.example.com/orders"))
            .type("io.brighter.contract.PlaceOrder")
            .subject("order-7")
            .traceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .dataRef("claim-check/contract-7")
            .timestamp(Instant.parse("2026-11-27T00:05:13.123Z"))
            .build();
    String json = "{\"order\":7,\"customer\":\"Zoë\",\"note\":\"🚀 \\\"quoted\\\"\"}";
    return new Message(
        header, new MessageBody(json.getBytes(StandardCharsets.UTF_8), header.contentType()));
  }

  /**
   * Checks that {@code received} carries what {@code sent} set: identity, routing, type,
   * correlation, reply address, content type, partition key, the three bag entries (a number may
   * come back as any {@link Number} of the same value), the CloudEvents source, type and subject,
   * the trace parent, the claim-check reference, the timestamp to the millisecond and the exact
   * body bytes. A transport may add bag entries of its own.
   */
  static void assertCarried(Message received, Message sent) {
    MessageHeader got = received.header();
    MessageHeader want = sent.header();
    assertThat(got.messageId()).as("message id").isEqualTo(want.messageId());
    assertThat(got.topic()).as("topic").isEqualTo(want.topic());
    assertThat(got.messageType()).as("message type").isEqualTo(want.messageType());
    assertThat(got.correlationId()).as("correlation id").isEqualTo(want.correlationId());
    assertThat(got.replyTo()).as("reply to").isEqualTo(want.replyTo());
    assertThat(got.contentType()).as("content type").isEqualTo(want.contentType());
    assertThat(got.partitionKey()).as("partition key").isEqualTo(want.partitionKey());
    assertThat(got.bag())
        .as("bag")
        .containsEntry(STRING_ENTRY, want.bag().get(STRING_ENTRY))
        .containsEntry(BOOLEAN_ENTRY, want.bag().get(BOOLEAN_ENTRY))
        .hasEntrySatisfying(
            NUMBER_ENTRY,
            number ->
                assertThat(number)
                    .isInstanceOfSatisfying(
                        Number.class, n -> assertThat(n.longValue()).isEqualTo(42L)));
    assertThat(got.source()).as("CloudEvents source").isEqualTo(want.source());
    assertThat(got.type()).as("CloudEvents type").isEqualTo(want.type());
    assertThat(got.subject()).as("CloudEvents subject").isEqualTo(want.subject());
    assertThat(got.traceParent()).as("trace parent").isEqualTo(want.traceParent());
    assertThat(got.dataRef()).as("claim-check reference").isEqualTo(want.dataRef());
    assertThat(got.timestamp()).as("timestamp, to the millisecond").isEqualTo(want.timestamp());
    assertThat(received.body().bytes()).as("body bytes").isEqualTo(sent.body().bytes());
  }

  /** The ids of {@code messages}, in order. */
  static List<Id> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }
}
