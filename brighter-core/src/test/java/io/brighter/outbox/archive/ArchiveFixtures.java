package io.brighter.outbox.archive;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Messages for the archive tests. */
final class ArchiveFixtures {

  private ArchiveFixtures() {}

  /** A small event stamped at {@code timestamp}. */
  static Message message(String id, Instant timestamp) {
    return new Message(
        MessageHeader.builder(Id.of(id), RoutingKey.of("greetings"), MessageType.EVENT)
            .timestamp(timestamp)
            .build(),
        MessageBody.json("{\"name\":\"Ada\"}"));
  }

  /** A command with every header field set and a binary body. */
  static Message everyField(String id) {
    return new Message(
        MessageHeader.builder(Id.of(id), RoutingKey.of("orders.placed"), MessageType.COMMAND)
            .timestamp(Instant.parse("2026-11-26T10:15:30.123456789Z"))
            .handledCount(3)
            .delay(Duration.ofMillis(1500))
            .correlationId(Id.of("correlation-1"))
            .replyTo(RoutingKey.of("orders.replies"))
            .contentType("application/octet-stream")
            .partitionKey("customer-42")
            .bagEntry("tenant", "acme")
            .bagEntry("attempt", 2)
            .bagEntry("sequence", 9_000_000_000L)
            .bagEntry("ratio", 1.5)
            .bagEntry("priority", true)
            .source(URI.create("https://orders.example.com/service"))
            .type("com.example.orders.placed")
            .specVersion("1.0")
            .dataSchema(URI.create("https://schemas.example.com/orders/v1"))
            .subject("order-7")
            .dataRef("claims/order-7")
            .traceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .traceState("vendor=value")
            .baggage("userId=alice")
            .build(),
        new MessageBody(new byte[] {0, 1, (byte) 0xFE, '\n', '"', 127}, "application/x-custom"));
  }

  /** The ids of {@code messages}, in order. */
  static List<String> ids(List<Message> messages) {
    return messages.stream().map(m -> m.id().value()).toList();
  }
}
