package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.impl.LongStringHelper;
import io.brighter.Id;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests of the wire format: the exact AMQP properties and header names and values a message
 * is written with, which are .NET Brighter's (its RMQ gateway), and the reading of a message as a
 * .NET Brighter service writes it (header strings arrive as AMQP long strings).
 */
class RmqWireFormatTest {

  private static final Instant TIME = Instant.parse("2026-11-27T00:00:01.250Z");

  private static Message full() {
    MessageHeader header =
        MessageHeader.builder(
                Id.of("0190e6c5-0000-7000-8000-000000000001"),
                RoutingKey.of("greeting.added"),
                MessageType.COMMAND)
            .timestamp(TIME)
            .handledCount(2)
            .correlationId(Id.of("corr-1"))
            .replyTo(RoutingKey.of("greeting.reply"))
            .contentType("application/json")
            .partitionKey("ada")
            .source(URI.create("https://greetings.example.com"))
            .type("io.example.GreetingAdded")
            .subject("ada")
            .dataSchema(URI.create("https://schemas.example.com/greeting"))
            .traceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .traceState("vendor=1")
            .baggage("user=ada")
            .bagEntry("tenant", "acme")
            .bagEntry("priority", 7)
            .bagEntry(HeaderNames.PRODUCER_TOPIC, "greeting.added")
            .build();
    return new Message(
        header, new MessageBody("{\"name\":\"Ada\"}".getBytes(), "application/json"));
  }

  @Nested
  class Writing {

    @Test
    void the_properties_carry_id_time_content_types_reply_address_and_persistence() {
      // when
      AMQP.BasicProperties properties = RmqWireFormat.properties(full(), true);

      // then
      assertThat(properties.getMessageId()).isEqualTo("0190e6c5-0000-7000-8000-000000000001");
      assertThat(properties.getTimestamp())
          .isEqualTo(Date.from(Instant.parse("2026-11-27T00:00:01Z")));
      assertThat(properties.getContentType()).isEqualTo("application/json");
      assertThat(properties.getType()).isEqualTo("application/json");
      assertThat(properties.getReplyTo()).isEqualTo("greeting.reply");
      assertThat(properties.getDeliveryMode()).isEqualTo(2);
    }

    @Test
    void the_headers_have_dotnet_brighter_names_and_values() {
      // when
      Map<String, Object> headers = RmqWireFormat.properties(full(), true).getHeaders();

      // then: exactly these, no local bag entry (the producer topic)
      Map<String, Object> expected = new HashMap<>();
      expected.put("MessageType", "MT_COMMAND");
      expected.put("MessageId", "0190e6c5-0000-7000-8000-000000000001");
      expected.put("Topic", "greeting.added");
      expected.put("HandledCount", 2);
      expected.put("CorrelationId", "corr-1");
      expected.put("cloudEvents_id", "0190e6c5-0000-7000-8000-000000000001");
      expected.put("cloudEvents_specversion", "1.0");
      expected.put("cloudEvents_type", "io.example.GreetingAdded");
      expected.put("cloudEvents_source", "https://greetings.example.com");
      expected.put("cloudEvents_time", "2026-11-27T00:00:01.250Z");
      expected.put("cloudEvents_subject", "ada");
      expected.put("cloudEvents_dataschema", "https://schemas.example.com/greeting");
      expected.put(
          "cloudEvents_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      expected.put("cloudevents_tracestate", "vendor=1");
      expected.put("cloudevents_:tracestate", "vendor=1");
      expected.put("baggage", "user=ada");
      expected.put("PartitionKey", "ada");
      expected.put("tenant", "acme");
      expected.put("priority", 7);
      assertThat(headers).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void a_delayed_message_carries_x_delay_in_milliseconds_and_a_transient_one_mode_1() {
      // when
      AMQP.BasicProperties properties =
          RmqWireFormat.properties(
              full().withHeader(full().header().withDelay(Duration.ofMillis(1500))), false);

      // then
      assertThat(properties.getHeaders()).containsEntry("x-delay", 1500L);
      assertThat(properties.getDeliveryMode()).isEqualTo(1);
    }

    @Test
    void a_bag_entry_cannot_overwrite_a_header_field() {
      // given
      Message message = full();
      Message spoofed = message.withHeader(message.header().withBagEntry("MessageType", "MT_QUIT"));

      // when
      Map<String, Object> headers = RmqWireFormat.properties(spoofed, true).getHeaders();

      // then
      assertThat(headers).containsEntry("MessageType", "MT_COMMAND");
    }
  }

  @Nested
  class Reading {

    @Test
    void a_message_written_by_dotnet_brighter_is_read_field_by_field() {
      // given: what .NET Brighter's RMQ gateway publishes, strings as AMQP long strings
      Map<String, Object> headers = new HashMap<>();
      headers.put("MessageType", text("MT_EVENT"));
      headers.put("Topic", text("greeting.added"));
      headers.put("HandledCount", 3);
      headers.put("CorrelationId", text("corr-9"));
      headers.put("cloudEvents_id", text("id-9"));
      headers.put("cloudEvents_specversion", text("1.0"));
      headers.put("cloudEvents_type", text("Greetings.GreetingAdded"));
      headers.put("cloudEvents_source", text("http://goparamore.io"));
      headers.put("cloudEvents_time", text("2026-11-27T00:00:01.2500000+00:00"));
      headers.put("cloudEvents_traceparent", text("00-aa-bb-01"));
      headers.put("cloudevents_:tracestate", text("legacy=1"));
      headers.put("x-delay", -500L);
      headers.put("tenant", text("acme"));
      headers.put("x-death", java.util.List.of(Map.of("count", 1L)));
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .messageId("id-9")
              .timestamp(Date.from(Instant.parse("2026-11-27T00:00:01Z")))
              .contentType("application/json")
              .type("application/json")
              .deliveryMode(2)
              .headers(headers)
              .build();

      // when
      Message message =
          RmqWireFormat.toMessage(
              "greeting.added",
              SUBSCRIBED,
              properties,
              "{}".getBytes(StandardCharsets.UTF_8),
              RECEIPT);

      // then
      MessageHeader header = message.header();
      assertThat(header.messageId()).isEqualTo(Id.of("id-9"));
      assertThat(header.messageType()).isEqualTo(MessageType.EVENT);
      assertThat(header.topic()).isEqualTo(RoutingKey.of("greeting.added"));
      assertThat(header.handledCount()).isEqualTo(3);
      assertThat(header.correlationId()).isEqualTo(Id.of("corr-9"));
      assertThat(header.type()).isEqualTo("Greetings.GreetingAdded");
      assertThat(header.traceParent()).isEqualTo("00-aa-bb-01");
      assertThat(header.traceState()).isEqualTo("legacy=1");
      assertThat(header.delay()).isEqualTo(Duration.ofMillis(500));
      assertThat(header.timestamp()).isEqualTo(TIME);
      assertThat(header.bag())
          .containsEntry("tenant", "acme")
          .doesNotContainKeys("MessageType", "x-death");
      assertThat(message.body().contentType()).isEqualTo("application/json");
      assertThat(message.receipt()).isSameAs(RECEIPT);
    }

    @Test
    void a_written_message_reads_back_as_it_was() {
      // given
      Message sent = full();
      AMQP.BasicProperties properties = RmqWireFormat.properties(sent, true);

      // when
      Message received =
          RmqWireFormat.toMessage("ignored", SUBSCRIBED, properties, sent.body().bytes(), RECEIPT);

      // then
      MessageHeader header = received.header();
      assertThat(header.messageId()).isEqualTo(sent.id());
      assertThat(header.timestamp()).isEqualTo(TIME);
      assertThat(header).usingRecursiveComparison().ignoringFields("bag").isEqualTo(sent.header());
      assertThat(received.body()).isEqualTo(sent.body());
    }

    @Test
    void an_unknown_message_type_makes_the_message_unacceptable_but_keeps_its_delivery_tag() {
      // given
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .messageId("id-1")
              .headers(Map.of("MessageType", text("MT_GIBBERISH")))
              .build();

      // when
      Message message = RmqWireFormat.toMessage("t", SUBSCRIBED, properties, new byte[0], RECEIPT);

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.UNACCEPTABLE);
      assertThat(message.header().bag())
          .containsEntry(
              HeaderNames.UNREADABLE_REASON,
              "MessageType header 'MT_GIBBERISH' is not a message type");
    }

    @Test // the fault matrix's fuzz: a type sent as bytes was taken for a missing one, an event
    void a_message_type_sent_as_bytes_that_name_no_type_makes_the_message_unacceptable() {
      // given
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .messageId("id-4")
              .headers(Map.of("MessageType", new byte[] {(byte) 0xC3, 0x28, -1}))
              .build();

      // when
      Message message = RmqWireFormat.toMessage("t", SUBSCRIBED, properties, new byte[0], RECEIPT);

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.UNACCEPTABLE);
      assertThat(message.header().bag().get(HeaderNames.UNREADABLE_REASON).toString())
          .startsWith("MessageType header");
    }

    @Test
    void a_header_of_bytes_stays_bytes_in_the_bag_and_on_the_wire_again() {
      // given
      byte[] bytes = {0, 1, 2, -1};
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .messageId("id-5")
              .headers(
                  Map.of(
                      "x-signature",
                      bytes,
                      "MessageType",
                      "MT_EVENT".getBytes(StandardCharsets.UTF_8)))
              .build();

      // when
      Message message = RmqWireFormat.toMessage("t", SUBSCRIBED, properties, new byte[0], RECEIPT);
      Map<String, Object> again = RmqWireFormat.properties(message, true).getHeaders();

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.EVENT);
      assertThat(message.header().bag().get("x-signature")).isEqualTo(bytes);
      assertThat(again.get("x-signature")).isEqualTo(bytes);
    }

    @Test
    void an_unreadable_handled_count_makes_the_message_unacceptable() {
      // given
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .messageId("id-2")
              .headers(Map.of("HandledCount", text("many")))
              .build();

      // when
      Message message = RmqWireFormat.toMessage("t", SUBSCRIBED, properties, new byte[0], RECEIPT);

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.UNACCEPTABLE);
      assertThat(message.id()).isEqualTo(Id.of("id-2"));
      assertThat(message.header().bag().get(HeaderNames.UNREADABLE_REASON).toString())
          .startsWith("HandledCount header 'many' is not a whole number");
    }

    @ParameterizedTest // #12: a blank Topic header killed every pump of the queue
    @ValueSource(strings = {"", " "})
    void a_blank_topic_header_reads_as_the_deliverys_routing_key_or_else_the_subscribed_one(
        String blank) {
      // given
      AMQP.BasicProperties properties =
          new AMQP.BasicProperties.Builder()
              .messageId("id-3")
              .headers(Map.of("Topic", text(blank)))
              .build();

      // when
      Message routed =
          RmqWireFormat.toMessage("greeting.added", SUBSCRIBED, properties, new byte[0], RECEIPT);
      Message unrouted = RmqWireFormat.toMessage("", SUBSCRIBED, properties, new byte[0], RECEIPT);

      // then
      assertThat(routed.header().topic()).isEqualTo(RoutingKey.of("greeting.added"));
      assertThat(routed.header().messageType()).isEqualTo(MessageType.EVENT);
      assertThat(unrouted.header().topic()).isEqualTo(SUBSCRIBED);
    }

    @Test
    void never_fails_whatever_the_headers() {
      // given
      Map<String, Object> headers = new HashMap<>();
      headers.put("Topic", 42);
      headers.put("cloudEvents_source", text("::not a uri::"));
      headers.put("cloudEvents_time", text("yesterday"));
      headers.put("x-delay", text("soon"));
      headers.put("nested", Map.of("a", List.of(1, 2)));
      AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().headers(headers).build();

      // when
      Message message = RmqWireFormat.toMessage("t", SUBSCRIBED, properties, new byte[0], RECEIPT);

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.UNACCEPTABLE);
      assertThat(message.header().bag()).containsKey(HeaderNames.UNREADABLE_REASON);
    }
  }

  @Nested
  class Copies {

    @Test // #12: a 300-character id killed the pump while writing its dead-letter copy
    void an_id_too_long_for_the_message_id_property_travels_in_the_cloud_events_header_only() {
      // given
      Message sent =
          full().withHeader(full().header().toBuilder().messageId(Id.of("x".repeat(300))).build());

      // when
      AMQP.BasicProperties properties = RmqWireFormat.properties(sent, true);
      Message back =
          RmqWireFormat.toMessage("t", SUBSCRIBED, properties, sent.body().bytes(), RECEIPT);

      // then
      assertThat(properties.getMessageId()).isNull();
      assertThat(back.id()).isEqualTo(sent.id());
    }

    @Test // #12: dead-letter copies of unreadable messages lost every original header
    void a_dead_letter_copy_keeps_the_original_properties_and_headers_and_adds_the_reason() {
      // given
      Map<String, Object> headers = new HashMap<>();
      headers.put("MessageType", text("MT_GIBBERISH"));
      headers.put("HandledCount", 4);
      headers.put("tenant", text("acme"));
      AMQP.BasicProperties original =
          new AMQP.BasicProperties.Builder()
              .messageId("id-4")
              .contentType("application/json")
              .headers(headers)
              .build();
      Message unreadable = RmqWireFormat.toMessage("t", SUBSCRIBED, original, new byte[0], RECEIPT);

      // when
      AMQP.BasicProperties copy =
          RmqWireFormat.rejected(
              original, unreadable, RejectionReason.unacceptable("why"), Instant.EPOCH);

      // then
      assertThat(copy.getMessageId()).isEqualTo("id-4");
      assertThat(copy.getContentType()).isEqualTo("application/json");
      assertThat(copy.getHeaders())
          .containsEntry("MessageType", text("MT_GIBBERISH"))
          .containsEntry("HandledCount", 4)
          .containsEntry("tenant", text("acme"))
          .containsEntry(
              HeaderNames.REJECTION_REASON,
              "Message rejected reason: Unacceptable Description: why")
          .containsEntry(HeaderNames.ORIGINAL_TYPE, "MT_UNACCEPTABLE")
          .containsEntry(HeaderNames.REJECTION_TIMESTAMP, "1970-01-01T00:00:00Z")
          .containsEntry(
              HeaderNames.UNREADABLE_REASON,
              "MessageType header 'MT_GIBBERISH' is not a message type");
    }

    @Test // #12: a 130 KB header made the dead-letter copy larger than a frame
    void a_copy_too_large_for_a_frame_has_its_largest_headers_cut_and_names_them() {
      // given
      Map<String, Object> headers = new HashMap<>();
      headers.put("huge", text("x".repeat(130_000)));
      headers.put("small", text("kept"));
      AMQP.BasicProperties original = new AMQP.BasicProperties.Builder().headers(headers).build();
      AMQP.BasicProperties copy =
          RmqWireFormat.rejected(
              original,
              Fixtures.event(SUBSCRIBED, 1),
              RejectionReason.deliveryError("r".repeat(2_000)),
              Instant.EPOCH);

      // when
      AMQP.BasicProperties fitted = RmqHeaderBudget.fitted(copy, 131_072);

      // then
      assertThat(RmqHeaderBudget.size(copy)).isGreaterThan(131_072);
      assertThat(fitted).isNotNull();
      assertThat(RmqHeaderBudget.size(fitted)).isLessThan(131_072 - 512);
      assertThat(fitted.getHeaders())
          .containsEntry("small", text("kept"))
          .containsEntry(RmqHeaderBudget.TRIMMED_HEADERS, "huge");
      assertThat(fitted.getHeaders().get("huge").toString())
          .startsWith("xxx")
          .endsWith("[cut from 130000 characters]");
    }

    @Test
    void a_copy_that_fits_is_left_as_it_is() {
      AMQP.BasicProperties properties = RmqWireFormat.properties(full(), true);

      assertThat(RmqHeaderBudget.fitted(properties, 131_072)).isSameAs(properties);
    }
  }

  private static final RoutingKey SUBSCRIBED = RoutingKey.of("subscribed");
  private static final Receipt RECEIPT = new Receipt() {};

  private static LongString text(String value) {
    return LongStringHelper.asLongString(value);
  }
}
