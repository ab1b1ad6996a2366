package io.brighter.messaging.inmemory;

import static io.brighter.messaging.TestMessages.event;
import static io.brighter.messaging.TestMessages.freshTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.messaging.Message;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryMissingChannelTest {

  private final InMemoryBus bus = new InMemoryBus();
  private final RoutingKey topic = freshTopic();

  private InMemoryMessageConsumer consumer(OnMissingChannel makeChannels) {
    return new InMemoryMessageConsumer(
        bus, topic, "orders", 1, InMemoryMessageConsumer.deadLetterFor(topic), makeChannels);
  }

  private InMemoryMessageProducer producer(OnMissingChannel makeChannels) {
    return new InMemoryMessageProducer(
        bus, Publication.builder().topic(topic).makeChannels(makeChannels).build());
  }

  @Nested
  class Consumer {

    @Test
    void create_makes_the_channel() {
      // when
      consumer(OnMissingChannel.CREATE);

      // then
      assertThat(bus.hasChannel(topic, "orders")).isTrue();
    }

    @Test
    void validate_fails_on_a_missing_channel() {
      assertThatThrownBy(() -> consumer(OnMissingChannel.VALIDATE))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("orders");
    }

    @Test
    void validate_reads_an_existing_channel() {
      // given
      bus.declareChannel(topic, "orders");
      Message message = event(topic);
      producer(OnMissingChannel.CREATE).send(message);

      // when
      var consumer = consumer(OnMissingChannel.VALIDATE);

      // then
      assertThat(consumer.receive(Duration.ZERO)).containsExactly(message);
    }

    @Test
    void assume_makes_nothing_and_receives_nothing() {
      // given
      var consumer = consumer(OnMissingChannel.ASSUME);

      // when
      var received = consumer.receive(Duration.ofMillis(10));
      consumer.purge();
      consumer.close();

      // then
      assertThat(received).isEmpty();
      assertThat(bus.hasChannel(topic, "orders")).isFalse();
      assertThat(bus.hasTopic(topic)).isFalse();
    }

    @Test
    void assume_reads_the_channel_once_it_exists() {
      // given
      var consumer = consumer(OnMissingChannel.ASSUME);
      bus.declareChannel(topic, "orders");
      Message message = event(topic);

      // when
      producer(OnMissingChannel.CREATE).send(message);

      // then
      assertThat(consumer.receive(Duration.ZERO)).containsExactly(message);
    }
  }

  @Nested
  class Producer {

    @Test
    void create_makes_the_topic() {
      // when
      producer(OnMissingChannel.CREATE);

      // then
      assertThat(bus.hasTopic(topic)).isTrue();
      assertThat(bus.channels(topic)).isEmpty();
    }

    @Test
    void validate_fails_on_a_missing_topic_and_passes_on_an_existing_one() {
      assertThatThrownBy(() -> producer(OnMissingChannel.VALIDATE))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(topic.value());

      // given
      bus.declareChannel(topic, "orders");

      // then
      assertThat(producer(OnMissingChannel.VALIDATE).publication().topic()).isEqualTo(topic);
    }

    @Test
    void assume_makes_nothing() {
      // when
      producer(OnMissingChannel.ASSUME);

      // then
      assertThat(bus.hasTopic(topic)).isFalse();
    }
  }
}
