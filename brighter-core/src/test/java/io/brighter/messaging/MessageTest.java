package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Id;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessageTest {

  private static MessageHeader header() {
    return MessageHeader.builder(Id.of("m-1"), RoutingKey.of("greeting.added"), MessageType.EVENT)
        .build();
  }

  @Nested
  class Body {

    @Test
    void is_a_value_whose_bytes_cannot_be_changed_from_outside() {
      // given
      byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
      MessageBody body = new MessageBody(bytes, "text/plain");

      // when
      bytes[0] = 'j';
      body.bytes()[1] = 'a';

      // then
      assertThat(body.text()).isEqualTo("hello");
      assertThat(body)
          .isEqualTo(MessageBody.of("hello", "text/plain"))
          .hasSameHashCodeAs(MessageBody.of("hello", "text/plain"));
      assertThat(body).isNotEqualTo(MessageBody.of("hello", "application/json"));
    }

    @Test
    void json_bodies_are_utf8_with_the_json_content_type() {
      MessageBody body = MessageBody.json("{\"name\":\"Zoë\"}");

      assertThat(body.contentType()).isEqualTo("application/json");
      assertThat(body.text()).isEqualTo("{\"name\":\"Zoë\"}");
      assertThat(body.size()).isEqualTo(15);
    }
  }

  @Nested
  class Header {

    @Test
    void has_defaults_for_everything_but_id_topic_and_type() {
      MessageHeader header = header();

      assertThat(header.handledCount()).isZero();
      assertThat(header.delay()).isEqualTo(Duration.ZERO);
      assertThat(header.contentType()).isEqualTo("application/json");
      assertThat(header.source()).isEqualTo(URI.create("http://goparamore.io"));
      assertThat(header.specVersion()).isEqualTo("1.0");
      assertThat(header.bag()).isEmpty();
      assertThat(header.timestamp()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void copies_change_one_field_and_keep_the_rest() {
      // given
      MessageHeader header =
          header().toBuilder().correlationId(Id.of("c-1")).bagEntry("tenant", "acme").build();

      // when
      MessageHeader copy = header.withHandledCount(2).withBagEntry("retry", true);

      // then
      assertThat(copy.handledCount()).isEqualTo(2);
      assertThat(copy.correlationId()).isEqualTo(Id.of("c-1"));
      assertThat(copy.bag())
          .containsExactlyInAnyOrderEntriesOf(Map.of("tenant", "acme", "retry", true));
      assertThat(header.bag()).containsOnlyKeys("tenant");
      assertThat(copy.messageId()).isEqualTo(header.messageId());
    }

    @Test
    void the_bag_cannot_be_changed_after_building() {
      assertThatThrownBy(() -> header().bag().put("x", "y"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejects_a_negative_handled_count_or_delay() {
      assertThatThrownBy(() -> header().withHandledCount(-1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> header().withDelay(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Messages {

    @Test
    void the_none_message_is_empty_and_keeps_the_id_asked_for() {
      Message none = Message.none(Id.of("missing"));

      assertThat(none.isEmpty()).isTrue();
      assertThat(none.id()).isEqualTo(Id.of("missing"));
      assertThat(new Message(header(), MessageBody.EMPTY).isEmpty()).isFalse();
    }

    @Test
    void the_handled_count_is_reached_at_the_requeue_count_and_never_when_unlimited() {
      Message twice = new Message(header().withHandledCount(2), MessageBody.EMPTY);

      assertThat(twice.handledCountReached(2)).isTrue();
      assertThat(twice.handledCountReached(3)).isFalse();
      assertThat(twice.handledCountReached(-1)).isFalse();
    }
  }

  @Test
  void routing_keys_may_not_be_blank() {
    assertThatThrownBy(() -> RoutingKey.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(RoutingKey.of("greetings")).hasToString("greetings");
  }
}
