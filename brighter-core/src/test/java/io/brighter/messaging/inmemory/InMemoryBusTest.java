package io.brighter.messaging.inmemory;

import static io.brighter.messaging.TestMessages.event;
import static io.brighter.messaging.TestMessages.freshTopic;
import static io.brighter.messaging.TestMessages.publication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.fixtures.MovableClock;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryBusTest {

  private static final Duration SHORT = Duration.ofMillis(50);

  private final MovableClock clock = new MovableClock();
  private final InMemoryBus bus = new InMemoryBus(clock);
  private final RoutingKey topic = freshTopic();
  private final InMemoryMessageProducer producer =
      new InMemoryMessageProducer(bus, publication(topic));

  private InMemoryMessageConsumer consumer(String channelName, int bufferSize) {
    return new InMemoryMessageConsumer(
        bus, topic, channelName, bufferSize, InMemoryMessageConsumer.deadLetterFor(topic));
  }

  @Nested
  class Publishing {

    @Test
    void delivers_a_sent_message_to_a_consumer_that_arrives_later() {
      // given
      Message message = event(topic);
      producer.send(message);

      // when
      List<Message> received = new InMemoryMessageConsumer(bus, topic).receive(SHORT);

      // then
      assertThat(received).containsExactly(message);
      assertThat(bus.stream(topic)).containsExactly(message);
      assertThat(bus.pending(topic)).isZero();
    }

    @Test
    void fans_a_message_out_to_every_channel_on_the_topic() {
      // given
      var audit = consumer("audit", 1);
      var billing = consumer("billing", 1);
      Message message = event(topic);

      // when
      producer.send(message);

      // then
      assertThat(audit.receive(SHORT)).containsExactly(message);
      assertThat(billing.receive(SHORT)).containsExactly(message);
      assertThat(bus.channels(topic)).containsExactly("audit", "billing");
    }

    @Test
    void gives_each_message_to_one_of_the_consumers_sharing_a_channel() {
      // given
      var first = consumer("workers", 1);
      var second = consumer("workers", 1);
      Message one = event(topic);
      Message two = event(topic);
      producer.send(one);
      producer.send(two);

      // when
      List<Message> received = new ArrayList<>(first.receive(SHORT));
      received.addAll(second.receive(SHORT));

      // then
      assertThat(received).containsExactly(one, two);
      assertThat(first.receive(Duration.ZERO)).isEmpty();
      assertThat(second.receive(Duration.ZERO)).isEmpty();
    }

    @Test
    void keeps_messages_in_order_and_returns_at_most_the_buffer_size() {
      // given
      var consumer = consumer("batch", 2);
      List<Message> sent = List.of(event(topic), event(topic), event(topic));
      sent.forEach(producer::send);

      // when
      List<Message> firstBatch = consumer.receive(SHORT);
      List<Message> secondBatch = consumer.receive(SHORT);

      // then
      assertThat(firstBatch).containsExactly(sent.get(0), sent.get(1));
      assertThat(secondBatch).containsExactly(sent.get(2));
    }
  }

  @Nested
  class Receiving {

    @Test
    void returns_nothing_when_no_message_arrives_within_the_timeout() {
      // given
      var consumer = new InMemoryMessageConsumer(bus, topic);

      // when
      List<Message> received = consumer.receive(SHORT);

      // then
      assertThat(received).isEmpty();
    }

    @Test
    void wakes_a_waiting_receive_when_a_message_is_published() {
      // given
      var consumer = new InMemoryMessageConsumer(bus, topic);
      AtomicReference<List<Message>> received = new AtomicReference<>();
      Thread receiver =
          Thread.ofVirtual().start(() -> received.set(consumer.receive(Duration.ofSeconds(30))));
      await()
          .until(
              () ->
                  receiver.getState() == Thread.State.WAITING
                      || receiver.getState() == Thread.State.TIMED_WAITING);
      Message message = event(topic);

      // when
      producer.send(message);

      // then
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(received.get()).containsExactly(message));
    }
  }

  @Nested
  class Delaying {

    @Test
    void hides_a_delayed_message_until_the_clock_reaches_its_due_time() {
      // given
      var consumer = new InMemoryMessageConsumer(bus, topic);
      Message message = event(topic);
      producer.sendWithDelay(message, Duration.ofMinutes(5));

      // when
      List<Message> early = consumer.receive(Duration.ZERO);
      clock.advance(Duration.ofMinutes(4));
      List<Message> stillEarly = consumer.receive(Duration.ZERO);
      clock.advance(Duration.ofMinutes(1));
      List<Message> due = consumer.receive(Duration.ZERO);

      // then
      assertThat(early).isEmpty();
      assertThat(stillEarly).isEmpty();
      assertThat(due)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.id()).isEqualTo(message.id());
                assertThat(m.header().delay()).isEqualTo(Duration.ofMinutes(5));
              });
      assertThat(bus.pending(topic)).isZero();
    }

    @Test
    void lets_due_messages_overtake_a_delayed_one() {
      // given
      var consumer = consumer("overtaking", 2);
      Message delayed = event(topic);
      Message immediate = event(topic);
      producer.sendWithDelay(delayed, Duration.ofSeconds(10));
      producer.send(immediate);

      // when
      List<Message> received = consumer.receive(Duration.ZERO);

      // then
      assertThat(received).containsExactly(immediate);
      assertThat(bus.pending(topic, "overtaking")).isEqualTo(1);
    }
  }

  @Nested
  class Asynchronously {

    @Test
    void publishes_through_the_non_blocking_methods_too() {
      // given
      var consumer = consumer("async", 2);
      Message now = event(topic);
      Message later = event(topic);

      // when
      CompletableFuture<Void> sentNow = producer.sendAsync(now);
      CompletableFuture<Void> sentLater = producer.sendWithDelayAsync(later, Duration.ofSeconds(1));

      // then
      assertThat(sentNow).isCompleted();
      assertThat(sentLater).isCompleted();
      assertThat(consumer.receive(Duration.ZERO)).containsExactly(now);
      clock.advance(Duration.ofSeconds(1));
      assertThat(consumer.receive(Duration.ZERO))
          .extracting(Message::id)
          .containsExactly(later.id());
    }

    @Test
    void fails_the_future_instead_of_throwing() {
      // when
      CompletableFuture<Void> sent =
          producer.sendWithDelayAsync(event(topic), Duration.ofSeconds(-1));

      // then
      assertThat(sent).isCompletedExceptionally();
      assertThat(bus.stream(topic)).isEmpty();
    }
  }
}
