package io.brighter.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.servicebus.ServiceBusMessage;
import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Service Bus wire: what .NET Brighter writes, pinned property by property. */
class AzureServiceBusWireFormatTest {

  private static final Instant TIME = Instant.parse("2026-12-04T10:15:30.123Z");

  private static Message full() {
    MessageHeader header =
        MessageHeader.builder(Id.of("msg-1"), RoutingKey.of("greeting.added"), MessageType.COMMAND)
            .timestamp(TIME)
            .correlationId(Id.of("corr-1"))
            .replyTo(RoutingKey.of("replies"))
            .contentType("application/json")
            .partitionKey("order-7")
            .handledCount(2)
            .type("io.example.Greeting")
            .source(URI.create("https://example.com/greetings"))
            .subject("greetings")
            .dataSchema(URI.create("https://example.com/schema"))
            .traceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .traceState("vendor=1")
            .bagEntry("tenant", "acme")
            .bagEntry("priority", 3)
            .build();
    return new Message(header, MessageBody.json("{\"name\":\"Ada\"}"));
  }

  @Test
  void the_message_properties_carry_the_id_content_type_correlation_and_reply_address() {
    ServiceBusMessage out = AzureServiceBusWireFormat.toServiceBus(full());

    assertThat(out.getMessageId()).isEqualTo("msg-1");
    assertThat(out.getContentType()).isEqualTo("application/json");
    assertThat(out.getCorrelationId()).isEqualTo("corr-1");
    assertThat(out.getReplyTo()).isEqualTo("replies");
    assertThat(out.getSessionId()).as("the partition key").isEqualTo("order-7");
    assertThat(out.getBody().toString()).isEqualTo("{\"name\":\"Ada\"}");
  }

  @Test
  void the_header_fields_are_application_properties_named_as_dotnet_names_them() {
    Map<String, Object> properties =
        AzureServiceBusWireFormat.toServiceBus(full()).getApplicationProperties();

    assertThat(properties)
        .containsEntry("MessageType", "MT_COMMAND")
        .containsEntry("HandledCount", 2)
        .containsEntry("ReplyTo", "replies")
        .containsEntry("cloudEvents:id", "msg-1")
        .containsEntry("cloudEvents:source", "https://example.com/greetings")
        .containsEntry("cloudEvents:specversion", "1.0")
        .containsEntry("cloudEvents:type", "io.example.Greeting")
        .containsEntry("cloudEvents:contenttype", "application/json")
        .containsEntry("cloudEvents:schema", "https://example.com/schema")
        .containsEntry("cloudEvents:subject", "greetings")
        .containsEntry("cloudEvents:time", "2026-12-04T10:15:30.123Z")
        .containsEntry("cloudEvents:partitionkey", "order-7")
        .containsEntry(
            "cloudevents:traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .containsEntry("cloudevents:tracestate", "vendor=1")
        .containsEntry("tenant", "acme")
        .containsEntry("priority", 3)
        .doesNotContainKey("Topic");
  }

  @Test
  void
      an_id_longer_than_service_bus_takes_is_a_stable_uuid_and_travels_whole_as_the_cloud_events_id() {
    String id = "x".repeat(300);
    Message message = full().withHeader(full().header().toBuilder().messageId(Id.of(id)).build());

    ServiceBusMessage first = AzureServiceBusWireFormat.toServiceBus(message);
    ServiceBusMessage again = AzureServiceBusWireFormat.toServiceBus(message);

    assertThat(first.getMessageId()).hasSize(36).isEqualTo(again.getMessageId());
    assertThat(first.getApplicationProperties()).containsEntry("cloudEvents:id", id);
  }

  @Test
  void a_rejection_sets_the_rejection_headers_and_the_handled_count_as_properties() {
    Map<String, Object> properties =
        AzureServiceBusWireFormat.rejected(
            full(), RejectionReason.deliveryError("handler failed"), TIME);

    assertThat(properties)
        .containsEntry("HandledCount", 2)
        .containsEntry(
            "RejectionReason", "Message rejected reason: DeliveryError Description: handler failed")
        .containsEntry("OriginalTopic", "greeting.added")
        .containsEntry("OriginalType", "MT_COMMAND")
        .containsEntry("RejectionTimestamp", "2026-12-04T10:15:30.123Z");
  }

  @Test
  void a_dead_letter_description_is_cut_to_what_service_bus_keeps() {
    assertThat(AzureServiceBusWireFormat.deadLetterText("d".repeat(5_000))).hasSize(4_096);
    assertThat(AzureServiceBusWireFormat.deadLetterText("short")).isEqualTo("short");
  }
}
