package io.brighter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.Id;
import io.brighter.aws.internal.SqsWireFormat;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The SNS and SQS wire: what .NET Brighter writes and reads, pinned attribute by attribute. */
class SqsWireFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Receipt RECEIPT = new Receipt() {};
  private static final RoutingKey SUBSCRIBED = RoutingKey.of("greeting_added");
  private static final String QUEUE_URL = "http://127.0.0.1:9324/000000000000/greeting_added";
  private static final Instant TIME = Instant.parse("2026-12-04T10:15:30.123Z");

  private static Message full() {
    MessageHeader header =
        MessageHeader.builder(Id.of("msg-1"), RoutingKey.of("greeting_added"), MessageType.COMMAND)
            .timestamp(TIME)
            .correlationId(Id.of("corr-1"))
            .replyTo(RoutingKey.of("replies"))
            .contentType("application/json")
            .partitionKey("order-7")
            .handledCount(2)
            .type("io.example.Greeting")
            .source(URI.create("https://example.com/greetings"))
            .subject("order-7")
            .traceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .bagEntry("tenant", "acme")
            .bagEntry("priority", 3)
            .build();
    return new Message(header, MessageBody.json("{\"name\":\"Ada\"}"));
  }

  @Nested
  class Writing {

    @Test
    void a_message_is_at_most_ten_string_attributes_named_as_dotnet_names_them() {
      // when
      Map<String, String> attributes = SqsWireFormat.attributes(full(), QUEUE_URL, true);

      // then
      assertThat(attributes)
          .hasSizeLessThanOrEqualTo(10)
          .containsEntry("id", "msg-1")
          .containsEntry("topic", QUEUE_URL)
          .containsEntry("message-type", "MT_COMMAND")
          .containsEntry("content-type", "application/json")
          .containsEntry("timestamp", "2026-12-04T10:15:30.123Z")
          .containsEntry("correlation-id", "corr-1")
          .containsEntry("reply-to", "replies")
          .containsEntry("subject", "order-7")
          .containsKeys("cloudeventheaders", "bag");
    }

    @Test
    void the_cloud_events_fields_are_one_json_object_with_dotnets_keys() throws Exception {
      // when
      JsonNode cloudEvents =
          JSON.readTree(SqsWireFormat.attributes(full(), QUEUE_URL, true).get("cloudeventheaders"));

      // then
      assertThat(cloudEvents.get("type").asText()).isEqualTo("io.example.Greeting");
      assertThat(cloudEvents.get("souce").asText()).isEqualTo("https://example.com/greetings");
      assertThat(cloudEvents.get("specversion").asText()).isEqualTo("1.0");
      assertThat(cloudEvents.get("datacontenttype").asText()).isEqualTo("application/json");
      assertThat(cloudEvents.get("traceparent").asText())
          .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      assertThat(cloudEvents.get("time").asText()).isEqualTo("2026-12-04T10:15:30.123Z");
    }

    @Test
    void the_bag_holds_the_handled_count_as_text_and_every_other_header() throws Exception {
      // when
      JsonNode bag = JSON.readTree(SqsWireFormat.attributes(full(), QUEUE_URL, true).get("bag"));

      // then
      assertThat(bag.get("handled-count").isTextual()).isTrue();
      assertThat(bag.get("handled-count").asText()).isEqualTo("2");
      assertThat(bag.get("partition-key").asText()).isEqualTo("order-7");
      assertThat(bag.get("tenant").asText()).isEqualTo("acme");
      assertThat(bag.get("priority").asInt()).isEqualTo(3);
    }

    @Test
    void on_sns_the_subject_is_a_cloud_events_key_not_an_attribute() throws Exception {
      // when
      Map<String, String> attributes = SqsWireFormat.attributes(full(), "arn:aws:sns:x", false);

      // then
      assertThat(attributes).doesNotContainKey("subject");
      assertThat(JSON.readTree(attributes.get("cloudeventheaders")).get("subject").asText())
          .isEqualTo("order-7");
    }

    @Test
    void a_body_that_is_not_utf8_is_refused_naming_the_way_out() {
      // given
      Message binary =
          new Message(
              full().header(), new MessageBody(new byte[] {(byte) 0xC3, 0x28}, "application/x"));

      // when / then
      assertThatThrownBy(() -> SqsWireFormat.body(binary))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("msg-1")
          .hasMessageContaining("claim check");
    }
  }

  @Nested
  class Reading {

    @Test
    void a_message_written_by_dotnet_brighter_is_read_field_by_field() {
      // given: what .NET Brighter's SNS producer writes, delivered raw to SQS
      Map<String, String> attributes =
          Map.of(
              "id", "dotnet-1",
              "topic", "arn:aws:sns:us-east-1:000000000000:greeting_added",
              "message-type", "MT_EVENT",
              "content-type", "application/json; charset=utf-8",
              "timestamp", "2026-12-04T10:15:30.123Z",
              "correlation-id", "corr-9",
              "cloudeventheaders",
                  "{\"datacontenttype\":\"application/json\",\"dataschema\":\"\",\"specversion\":\"1.0\","
                      + "\"type\":\"io.example.Greeting\",\"souce\":\"http://goparamore.io\","
                      + "\"time\":\"2026-12-04T10:15:30.123Z\",\"baggage\":\"\"}",
              "bag", "{\"handled-count\":\"2\",\"custom-header-item\":\"v\"}");

      // when
      Message message =
          SqsWireFormat.toMessage(
              attributes, "{\"name\":\"Ada\"}", "order-7", null, SUBSCRIBED, RECEIPT);

      // then
      MessageHeader header = message.header();
      assertThat(header.messageId()).isEqualTo(Id.of("dotnet-1"));
      assertThat(header.topic()).isEqualTo(RoutingKey.of("greeting_added"));
      assertThat(header.messageType()).isEqualTo(MessageType.EVENT);
      assertThat(header.correlationId()).isEqualTo(Id.of("corr-9"));
      assertThat(header.handledCount()).isEqualTo(2);
      assertThat(header.type()).isEqualTo("io.example.Greeting");
      assertThat(header.partitionKey()).as("the message group").isEqualTo("order-7");
      assertThat(header.timestamp()).isEqualTo(Instant.parse("2026-12-04T10:15:30.123Z"));
      assertThat(header.bag()).containsEntry("custom-header-item", "v");
      assertThat(message.body().bytes())
          .isEqualTo("{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(message.receipt()).isSameAs(RECEIPT);
    }

    @Test
    void a_written_message_reads_back_as_it_was() {
      // given
      Message sent = full();
      Map<String, String> attributes = SqsWireFormat.attributes(sent, QUEUE_URL, true);

      // when
      Message received =
          SqsWireFormat.toMessage(
              attributes, SqsWireFormat.body(sent), null, null, SUBSCRIBED, RECEIPT);

      // then
      assertThat(received.header())
          .usingRecursiveComparison()
          .ignoringFields("bag")
          .isEqualTo(sent.header());
      assertThat(received.header().bag())
          .containsEntry("tenant", "acme")
          .containsEntry("priority", 3);
      assertThat(received.body()).isEqualTo(sent.body());
    }

    @Test
    void a_bag_that_is_not_a_json_object_makes_the_message_unacceptable_keeping_its_receipt() {
      // given
      Map<String, String> attributes = Map.of("id", "bad-1", "bag", "{not json");

      // when
      Message message = SqsWireFormat.toMessage(attributes, "x", null, null, SUBSCRIBED, RECEIPT);

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.UNACCEPTABLE);
      assertThat(message.id()).isEqualTo(Id.of("bad-1"));
      assertThat(message.header().bag().get(HeaderNames.UNREADABLE_REASON).toString())
          .startsWith("bag header");
      assertThat(message.receipt()).isSameAs(RECEIPT);
    }

    @Test
    void an_empty_body_travels_as_one_marked_space_and_comes_back_empty() {
      // given
      Message empty = new Message(full().header(), new MessageBody(new byte[0], "text/plain"));

      // when
      Message back =
          SqsWireFormat.toMessage(
              SqsWireFormat.attributes(empty, QUEUE_URL, true),
              SqsWireFormat.body(empty),
              null,
              null,
              SUBSCRIBED,
              RECEIPT);

      // then
      assertThat(SqsWireFormat.body(empty)).isEqualTo(" ");
      assertThat(back.body().bytes()).isEmpty();
    }
  }
}
