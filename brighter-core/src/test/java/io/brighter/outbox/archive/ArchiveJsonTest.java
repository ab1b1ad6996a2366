package io.brighter.outbox.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveJsonTest {

  @Test
  void a_message_reads_back_equal_from_its_archive_document() {
    Message message =
        new Message(
            MessageHeader.builder(Id.random(), RoutingKey.of("order.placed"), MessageType.EVENT)
                .timestamp(Instant.parse("2026-12-05T10:15:30.123Z"))
                .correlationId(Id.random())
                .partitionKey("customer-7")
                .bag(Map.of("tenant", "acme"))
                .build(),
            MessageBody.json("{\"total\":12}"));

    byte[] json = ArchiveJson.write(message);

    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"topic\":\"order.placed\"");
    assertThat(ArchiveJson.read(json)).isEqualTo(message);
  }

  @Test
  void a_document_that_is_not_an_archived_message_is_refused() {
    assertThatThrownBy(() -> ArchiveJson.read("{\"topic\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an archived message");
    assertThatThrownBy(() -> ArchiveJson.read("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
