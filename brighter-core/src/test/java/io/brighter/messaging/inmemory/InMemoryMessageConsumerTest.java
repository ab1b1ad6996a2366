package io.brighter.messaging.inmemory;

import static io.brighter.messaging.TestMessages.event;
import static io.brighter.messaging.TestMessages.freshTopic;
import static io.brighter.messaging.TestMessages.publication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.fixtures.MovableClock;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryMessageConsumerTest {

  private final MovableClock clock = new MovableClock();
  private final InMemoryBus bus = new InMemoryBus(clock);
  private final RoutingKey topic = freshTopic();
  private final InMemoryMessageProducer producer =
      new InMemoryMessageProducer(bus, publication(topic));
  private final InMemoryMessageConsumer consumer = new InMemoryMessageConsumer(bus, topic);

  private Message receivedOne() {
    producer.send(event(topic));
    return consumer.receive(Duration.ZERO).getFirst();
  }

  @Nested
  class Acknowledge {

    @Test
    void settles_the_message_so_it_is_not_delivered_again() {
      // given
      Message message = receivedOne();

      // when
      consumer.acknowledge(message);
      consumer.close();

      // then
      assertThat(bus.pending(topic)).isZero();
      assertThat(consumer.reject(message, RejectionReason.deliveryError("too late"))).isFalse();
    }
  }

  @Nested
  class Reject {

    @Test
    void moves_the_message_to_the_dead_letter_topic_with_the_reason() {
      // given
      Message message = receivedOne();

      // when
      boolean rejected = consumer.reject(message, RejectionReason.deliveryError("late"));

      // then
      assertThat(rejected).isTrue();
      RoutingKey deadLetters = RoutingKey.of(topic.value() + ".dlq");
      assertThat(bus.stream(deadLetters))
          .singleElement()
          .satisfies(
              dead -> {
                assertThat(dead.id()).isEqualTo(message.id());
                assertThat(dead.header().bag())
                    .containsEntry(
                        HeaderNames.REJECTION_REASON,
                        "Message rejected reason: DeliveryError Description: late")
                    .containsEntry(HeaderNames.ORIGINAL_TOPIC, topic.value());
              });
      assertThat(bus.pending(deadLetters)).isEqualTo(1);
      assertThat(bus.pending(topic)).isZero();
    }

    @Test
    void uses_the_dead_letter_topic_it_was_given() {
      // given
      RoutingKey parking = RoutingKey.of("parking-" + topic);
      var custom = new InMemoryMessageConsumer(bus, topic, 1, parking);
      producer.send(event(topic));
      Message message = custom.receive(Duration.ZERO).getFirst();

      // when
      custom.reject(message, RejectionReason.unacceptable("unparseable"));

      // then
      assertThat(bus.stream(parking)).extracting(Message::id).containsExactly(message.id());
    }
  }

  @Nested
  class Requeue {

    @Test
    void delivers_the_message_again_after_the_delay_with_the_handled_count_it_carries() {
      // given
      Message received = receivedOne();
      Message message = received.withHeader(received.header().withHandledCount(3));

      // when
      boolean requeued = consumer.requeue(message, Duration.ofSeconds(30));

      // then
      assertThat(requeued).isTrue();
      assertThat(consumer.receive(Duration.ZERO)).isEmpty();
      clock.advance(Duration.ofSeconds(30));
      assertThat(consumer.receive(Duration.ZERO))
          .singleElement()
          .satisfies(
              again -> {
                assertThat(again.id()).isEqualTo(message.id());
                assertThat(again.header().handledCount()).isEqualTo(3);
                assertThat(again.header().delay()).isEqualTo(Duration.ofSeconds(30));
              });
      assertThat(bus.stream(topic)).hasSize(1);
    }

    @Test
    void refuses_a_message_that_is_not_in_flight() {
      // when
      boolean requeued = consumer.requeue(event(topic), Duration.ZERO);

      // then
      assertThat(requeued).isFalse();
      assertThat(bus.pending(topic)).isZero();
    }
  }

  @Nested
  class Purge {

    @Test
    void removes_every_waiting_message_of_the_channel() {
      // given
      producer.send(event(topic));
      producer.sendWithDelay(event(topic), Duration.ofHours(1));

      // when
      consumer.purge();

      // then
      assertThat(bus.pending(topic)).isZero();
      clock.advance(Duration.ofHours(1));
      assertThat(consumer.receive(Duration.ZERO)).isEmpty();
    }
  }

  @Nested
  class Close {

    @Test
    void returns_unsettled_messages_to_the_head_of_the_channel() {
      // given
      var batch =
          new InMemoryMessageConsumer(bus, topic, 2, InMemoryMessageConsumer.deadLetterFor(topic));
      List<Message> sent = List.of(event(topic), event(topic), event(topic));
      sent.forEach(producer::send);
      List<Message> received = batch.receive(Duration.ZERO);
      batch.acknowledge(received.get(0));

      // when
      batch.close();

      // then
      var next = new InMemoryMessageConsumer(bus, topic, 2, RoutingKey.of("unused"));
      assertThat(next.receive(Duration.ZERO)).containsExactly(sent.get(1), sent.get(2));
      assertThatThrownBy(() -> batch.receive(Duration.ZERO))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }
}
