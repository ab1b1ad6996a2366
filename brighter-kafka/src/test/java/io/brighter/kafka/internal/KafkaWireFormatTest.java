package io.brighter.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.brighter.Id;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.HeaderCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests of the wire headers: the names and value encodings of .NET Brighter's Kafka
 * transport, both ways, so that a Java and a .NET service read each other's messages.
 */
class KafkaWireFormatTest {

  private static final Id ID = Id.of("0191c2a4-7e1f-7c3a-9b1d-5a6e2f3c4d5e");
  private static final Id CORRELATION = Id.of("0191c2a4-7e1f-7c3a-9b1d-000000000001");
  private static final Instant WHEN = Instant.parse("2026-11-27T00:05:13.123Z");
  private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Nested
  class Writing {

    @Test
    void every_header_field_has_the_dotnet_name_and_encoding() {
      // given
      Message message = fullMessage();

      // when
      ProducerRecord<String, byte[]> record = KafkaWireFormat.toRecord(message, "orders.placed");

      // then
      Map<String, String> fields = new LinkedHashMap<>();
      for (Header header : record.headers()) {
        if (!Map.of("tenant", 1, "urgent", 1, "attempt", 1).containsKey(header.key())) {
          fields.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
      }
      assertThat(fields)
          .containsExactly(
              entry("MessageType", "MT_COMMAND"),
              entry("Topic", "orders.placed"),
              entry("MessageId", ID.value()),
              entry("TimeStamp", "11/27/2026 00:05:13"),
              entry("ContentType", "application/json"),
              entry("CorrelationId", CORRELATION.value()),
              entry("PartitionKey", "order-7"),
              entry("ReplyTo", "orders.replies"),
              entry("x-delay", "1500"),
              entry("HandledCount", "2"),
              entry("ce_id", ID.value()),
              entry("ce_specversion", "1.0"),
              entry("ce_type", "io.example.PlaceOrder"),
              entry("ce_source", "https://orders.example.com/"),
              entry("ce_time", "2026-11-27T00:05:13.123Z"),
              entry("ce_subject", "order-7"),
              entry("ce_dataschema", "https://schemas.example.com/order"),
              entry("ce_traceparent", TRACE),
              entry("ce_tracestate", "vendor=1"),
              entry("baggage", "userId=ada"),
              entry("content-type", "application/json"));
      assertThat(record.key()).isEqualTo("order-7");
      assertThat(record.topic()).isEqualTo("orders.placed");
      assertThat(record.value()).isEqualTo(message.body().bytes());
    }

    @Test
    void bag_entries_are_headers_of_their_own_with_dotnet_text() {
      // when
      ProducerRecord<String, byte[]> record = KafkaWireFormat.toRecord(fullMessage(), "orders");

      // then
      assertThat(text(record, "tenant")).isEqualTo("acme");
      assertThat(text(record, "urgent")).isEqualTo("True");
      assertThat(text(record, "attempt")).isEqualTo("3");
    }

    @Test
    void local_entries_and_optional_fields_left_unset_are_not_written() {
      // given
      Message message =
          new Message(
              MessageHeader.builder(ID, RoutingKey.of("orders"), MessageType.EVENT)
                  .bagEntry(HeaderNames.PRODUCER_TOPIC, "orders")
                  .build(),
              MessageBody.json("{}"));

      // when
      ProducerRecord<String, byte[]> record = KafkaWireFormat.toRecord(message, "orders");

      // then
      assertThat(record.headers())
          .extracting(Header::key)
          .doesNotContain(
              HeaderNames.PRODUCER_TOPIC,
              "CorrelationId",
              "PartitionKey",
              "ReplyTo",
              "ce_subject",
              "ce_dataschema",
              "ce_traceparent",
              "ce_tracestate",
              "baggage",
              "x-delay",
              "dataref");
      assertThat(record.key()).isNull();
    }
  }

  @Nested
  class Reading {

    @Test
    void a_record_written_by_dotnet_brighter_is_read_into_every_field() {
      // given: the headers .NET Brighter's KafkaDefaultMessageHeaderBuilder writes
      RecordHeaders headers = new RecordHeaders();
      add(headers, "MessageType", "MT_EVENT");
      add(headers, "Topic", "orders.placed");
      add(headers, "MessageId", ID.value());
      add(headers, "TimeStamp", "11/27/2026 00:05:13");
      add(headers, "ContentType", "application/json");
      add(headers, "CorrelationId", CORRELATION.value());
      add(headers, "PartitionKey", "order-7");
      add(headers, "ReplyTo", "orders.replies");
      add(headers, "x-delay", "0");
      add(headers, "HandledCount", "4");
      add(headers, "ce_id", ID.value());
      add(headers, "ce_specversion", "1.0");
      add(headers, "ce_type", "io.example.OrderPlaced");
      add(headers, "ce_source", "http://goparamore.io");
      add(headers, "ce_subject", "order-7");
      add(headers, "ce_traceparent", TRACE);
      add(headers, "content-type", "application/json; charset=utf-8");
      add(headers, "tenant", "acme");
      add(headers, "urgent", "True");
      add(headers, "attempt", "3");

      // when
      Message message = KafkaWireFormat.toMessage(record("orders.placed", 2, 41, headers), RECEIPT);

      // then
      MessageHeader header = message.header();
      assertThat(header.messageId()).isEqualTo(ID);
      assertThat(header.messageType()).isEqualTo(MessageType.EVENT);
      assertThat(header.topic()).isEqualTo(RoutingKey.of("orders.placed"));
      assertThat(header.timestamp()).isEqualTo(Instant.parse("2026-11-27T00:05:13Z"));
      assertThat(header.correlationId()).isEqualTo(CORRELATION);
      assertThat(header.partitionKey()).isEqualTo("order-7");
      assertThat(header.replyTo()).isEqualTo(RoutingKey.of("orders.replies"));
      assertThat(header.handledCount()).isEqualTo(4);
      assertThat(header.delay()).isEqualTo(Duration.ZERO);
      assertThat(header.type()).isEqualTo("io.example.OrderPlaced");
      assertThat(header.source()).isEqualTo(URI.create("http://goparamore.io"));
      assertThat(header.subject()).isEqualTo("order-7");
      assertThat(header.traceParent()).isEqualTo(TRACE);
      assertThat(header.contentType()).isEqualTo("application/json; charset=utf-8");
      assertThat(header.bag())
          .containsEntry("tenant", "acme")
          .containsEntry("urgent", true)
          .containsEntry("attempt", 3L)
          .doesNotContainKeys("MessageId", "ce_id", "HandledCount", "content-type");
      assertThat(message.receipt()).isSameAs(RECEIPT);
    }

    @Test
    void a_message_written_here_reads_back_the_same() {
      // given
      Message sent = fullMessage();

      // when
      ProducerRecord<String, byte[]> written = KafkaWireFormat.toRecord(sent, "orders.placed");
      Message read =
          KafkaWireFormat.toMessage(
              record("orders.placed", 0, 0, new RecordHeaders(written.headers().toArray())),
              RECEIPT);

      // then
      assertThat(read.header())
          .isEqualTo(
              sent.header().toBuilder()
                  .topic(RoutingKey.of("orders.placed"))
                  .bagEntry("attempt", 3L)
                  .build());
      assertThat(read.body()).isEqualTo(sent.body());
    }

    @Test
    void a_plain_kafka_record_is_an_event_keyed_by_its_record_key() {
      // when
      Message message =
          KafkaWireFormat.toMessage(record("clicks", 0, 7, new RecordHeaders()), RECEIPT);

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.EVENT);
      assertThat(message.header().partitionKey()).isEqualTo("key-1");
      assertThat(message.header().contentType()).isEqualTo("text/plain");
      assertThat(message.id().value()).isNotBlank();
    }

    @Test
    void an_unknown_message_type_makes_an_unacceptable_message_that_can_still_be_settled() {
      // given
      RecordHeaders headers = new RecordHeaders();
      add(headers, "MessageType", "MT_SOMETHING_ELSE");
      add(headers, "MessageId", ID.value());

      // when
      Message message = KafkaWireFormat.toMessage(record("orders", 1, 9, headers), RECEIPT);

      // then
      assertThat(message.header().messageType()).isEqualTo(MessageType.UNACCEPTABLE);
      assertThat(message.id()).isEqualTo(ID);
      assertThat(message.receipt()).isSameAs(RECEIPT);
      assertThat(message.header().bag())
          .containsEntry(
              HeaderNames.UNREADABLE_REASON,
              "MessageType header 'MT_SOMETHING_ELSE' is not a message type");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-27T00:05:13Z",
        "2026-11-27T00:05:13.1Z",
        "2026-11-27T00:05:13.123Z",
        "2026-11-27T00:05:13.123456789Z",
        "2026-11-27T01:05:13.123+01:00",
        "2026-11-27T00:05:13.123+00:00"
      })
  void ce_time_is_read_as_rfc_3339_in_every_form(String time) {
    assertThat(HeaderCodec.parseInstant(time))
        .isEqualTo(java.time.OffsetDateTime.parse(time).toInstant());
  }

  private static final Receipt RECEIPT = new Receipt() {};

  private static Message fullMessage() {
    return new Message(
        MessageHeader.builder(ID, RoutingKey.of("orders.placed"), MessageType.COMMAND)
            .timestamp(WHEN)
            .correlationId(CORRELATION)
            .partitionKey("order-7")
            .replyTo(RoutingKey.of("orders.replies"))
            .delay(Duration.ofMillis(1500))
            .handledCount(2)
            .type("io.example.PlaceOrder")
            .source(URI.create("https://orders.example.com/"))
            .subject("order-7")
            .dataSchema(URI.create("https://schemas.example.com/order"))
            .traceParent(TRACE)
            .traceState("vendor=1")
            .baggage("userId=ada")
            .bagEntry("tenant", "acme")
            .bagEntry("urgent", true)
            .bagEntry("attempt", 3)
            .build(),
        MessageBody.json("{\"order\":7}"));
  }

  private static ConsumerRecord<String, byte[]> record(
      String topic, int partition, long offset, RecordHeaders headers) {
    return new ConsumerRecord<>(
        topic,
        partition,
        offset,
        WHEN.toEpochMilli(),
        TimestampType.CREATE_TIME,
        5,
        8,
        "key-1",
        "{\"order\":7}".getBytes(StandardCharsets.UTF_8),
        headers,
        Optional.empty());
  }

  private static void add(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
