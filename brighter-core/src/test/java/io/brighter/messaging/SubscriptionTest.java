package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.messaging.Requests.AddGreeting;
import io.brighter.messaging.Requests.GreetingAdded;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final RoutingKey TOPIC = RoutingKey.of("greeting.added");

  private static SubscriptionBuilder minimal() {
    return Subscription.builder()
        .name("greetings")
        .routingKey(TOPIC)
        .requestType(GreetingAdded.class)
        .channelFactory(new InMemoryChannelFactory(new InMemoryBus()));
  }

  @Nested
  class RefusedWhenBuilt { // #12: each of these passed, or failed late, or spun a core

    @Test
    void an_empty_name_or_channel_name() {
      assertThatThrownBy(() -> minimal().name(" ").build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("Subscription.name may not be blank");
      assertThatThrownBy(() -> minimal().channelName("").build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("Subscription.channelName may not be blank");
    }

    @Test
    void a_channel_failure_delay_of_zero() {
      assertThatThrownBy(() -> minimal().channelFailureDelay(Duration.ZERO).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("Subscription.channelFailureDelay must be positive");
    }

    @Test
    void no_wait_at_all_on_an_idle_channel() {
      assertThatThrownBy(
              () -> minimal().timeout(Duration.ZERO).emptyChannelDelay(Duration.ZERO).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("Subscription.emptyChannelDelay must be positive");
      assertThat(minimal().timeout(Duration.ZERO).build().emptyChannelDelay()).isPositive();
      assertThat(minimal().emptyChannelDelay(Duration.ZERO).build().timeout()).isPositive();
    }
  }

  @Nested
  class Build {

    @Test
    void fills_in_the_brighter_defaults() {
      // when
      Subscription subscription = minimal().build();

      // then
      assertThat(subscription.channelName()).isEqualTo("greeting.added");
      assertThat(subscription.noOfPerformers()).isOne();
      assertThat(subscription.bufferSize()).isOne();
      assertThat(subscription.timeout()).isEqualTo(Duration.ofMillis(300));
      assertThat(subscription.requeueCount()).isEqualTo(-1);
      assertThat(subscription.requeueDelay()).isZero();
      assertThat(subscription.unacceptableMessageLimit()).isZero();
      assertThat(subscription.unacceptableMessageLimitWindow()).isNull();
      assertThat(subscription.messagePumpType()).isEqualTo(MessagePumpType.REACTOR);
      assertThat(subscription.makeChannels()).isEqualTo(OnMissingChannel.CREATE);
      assertThat(subscription.emptyChannelDelay()).isEqualTo(Duration.ofMillis(500));
      assertThat(subscription.channelFailureDelay()).isEqualTo(Duration.ofSeconds(1));
      assertThat(subscription.deadLetterRoutingKey())
          .isEqualTo(RoutingKey.of("greeting.added.dlq"));
      assertThat(subscription.unhandledExceptionAction())
          .isEqualTo(UnhandledExceptionAction.REJECT);
    }

    @Test
    void resolves_the_request_type_of_each_message() {
      // given
      Subscription subscription =
          minimal()
              .requestTypes(
                  message ->
                      message.header().messageType() == MessageType.COMMAND
                          ? AddGreeting.class
                          : GreetingAdded.class)
              .build();
      Message command =
          new Message(
              MessageHeader.builder(Id.random(), TOPIC, MessageType.COMMAND).build(),
              MessageBody.EMPTY);

      // then
      assertThat(subscription.requestType()).isNull();
      assertThat(subscription.requestTypeFor(command)).isEqualTo(AddGreeting.class);
    }

    @Test
    void refuses_a_buffer_size_outside_one_to_ten() {
      assertThatThrownBy(() -> minimal().bufferSize(11).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("Subscription.bufferSize");
      assertThatThrownBy(() -> minimal().bufferSize(0).build())
          .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void names_a_missing_property() {
      assertThatThrownBy(
              () ->
                  Subscription.builder()
                      .name("greetings")
                      .routingKey(TOPIC)
                      .requestType(GreetingAdded.class)
                      .build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("Subscription.channelFactory may not be null");
    }

    @Test
    void needs_a_request_type() {
      assertThatThrownBy(
              () ->
                  Subscription.builder()
                      .name("greetings")
                      .routingKey(TOPIC)
                      .channelFactory(new InMemoryChannelFactory(new InMemoryBus()))
                      .build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Subscription.requestType");
    }

    @Test
    void refuses_a_requeue_count_below_minus_one() {
      assertThatThrownBy(() -> minimal().requeueCount(-2).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("Subscription.requeueCount");
    }
  }

  @Nested
  class WithNoOfPerformers {

    @Test
    void copies_with_another_count() {
      assertThat(minimal().build().withNoOfPerformers(4).noOfPerformers()).isEqualTo(4);
    }
  }
}
