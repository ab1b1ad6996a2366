package io.brighter.serviceactivator;

import static io.brighter.serviceactivator.PumpFixture.GREET;
import static io.brighter.serviceactivator.PumpFixture.GREETED;
import static io.brighter.serviceactivator.PumpFixture.greet;
import static io.brighter.serviceactivator.PumpFixture.greeted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.TransientException;
import io.brighter.actions.DeferMessageAction;
import io.brighter.actions.DontAckAction;
import io.brighter.actions.InvalidMessageAction;
import io.brighter.actions.RejectMessageAction;
import io.brighter.fixtures.MovableClock;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.SubscriptionBuilder;
import io.brighter.messaging.UnhandledExceptionAction;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.serviceactivator.PumpFixture.Greet;
import io.brighter.serviceactivator.PumpFixture.Greeted;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The message-dispatch behaviours every pump type has; a subclass names the pump type. */
abstract class MessagePumpBehaviour {

  /** An event no handler is registered for. */
  record Unheard(Id id, String name) implements Event {}

  final PumpFixture fixture = new PumpFixture();
  volatile @Nullable RecordingConsumer consumer;
  final AtomicInteger settlementFailures = new AtomicInteger();
  @Nullable Dispatcher dispatcher;

  abstract MessagePumpType pumpType();

  @AfterEach
  void stopDispatcher() {
    if (dispatcher != null) {
      dispatcher.stop();
    }
  }

  SubscriptionBuilder subscription(RoutingKey topic, Class<? extends Request> type) {
    return subscription(topic, type, 0);
  }

  /** A subscription whose consumer is recorded and fails its first {@code failures} receives. */
  SubscriptionBuilder subscription(RoutingKey topic, Class<? extends Request> type, int failures) {
    InMemoryChannelFactory channels = new InMemoryChannelFactory(fixture.bus);
    return fixture
        .subscription(topic, type, pumpType())
        .channelFactory(
            subscription -> {
              RecordingConsumer recording =
                  new RecordingConsumer(
                      channels.createConsumer(subscription), failures, settlementFailures);
              consumer = recording;
              return recording;
            });
  }

  Dispatcher run(SubscriptionBuilder subscription) {
    Dispatcher started = fixture.dispatcher(subscription.build());
    dispatcher = started;
    started.start();
    return started;
  }

  RecordingConsumer consumer() {
    RecordingConsumer recording = consumer;
    assertThat(recording).isNotNull();
    return recording;
  }

  void handlerDoes(Consumer<Request> behaviour) {
    fixture.journal.behaviour = behaviour;
  }

  MessagePumpStatus status() {
    return state().status();
  }

  ConsumerState state() {
    assertThat(dispatcher).isNotNull();
    return dispatcher.state().getFirst();
  }

  static String reason(Message deadLetter) {
    return String.valueOf(deadLetter.header().bag().get(HeaderNames.REJECTION_REASON));
  }

  @Nested
  class Delivery {

    @Test
    void a_command_reaches_its_handler_and_is_acknowledged() {
      // given
      run(subscription(GREET, Greet.class));
      Greet command = greet("Ada");

      // when
      Message sent = fixture.send(GREET, command);

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(fixture.journal.handled).containsExactly(command);
      assertThat(consumer().acknowledged.getFirst().id()).isEqualTo(sent.id());
    }

    @Test
    void an_event_reaches_its_handlers() {
      // given
      run(subscription(GREETED, Greeted.class));
      Greeted event = greeted("Ada");

      // when
      fixture.send(GREETED, event);

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(fixture.journal.handled).containsExactly(event);
    }

    @Test
    void messages_of_several_types_share_a_channel_with_a_dynamic_request_type() {
      // given
      RoutingKey mixed = RoutingKey.of("mixed");
      run(
          fixture
              .subscription(mixed, Greet.class, pumpType())
              .requestTypes(
                  message ->
                      message.header().messageType() == MessageType.COMMAND
                          ? Greet.class
                          : Greeted.class));
      Greet command = greet("Ada");
      Greeted event = greeted("Grace");

      // when
      fixture.send(mixed, command);
      fixture.send(mixed, event);

      // then
      await().until(() -> fixture.journal.handled.size() == 2);
      assertThat(fixture.journal.handled).containsExactly(command, event);
    }

    @Test // #12: a publisher must not be able to stop a consumer
    void a_quit_message_from_the_channel_is_dead_lettered_and_the_pump_goes_on() {
      // given
      run(subscription(GREET, Greet.class));
      Message quit =
          new Message(
              MessageHeader.builder(Id.random(), GREET, MessageType.QUIT).build(),
              MessageBody.EMPTY);

      // when
      fixture.sendRaw(GREET, quit);
      Greet after = greet("Ada");
      fixture.send(GREET, after);

      // then
      await().until(() -> fixture.journal.handled.contains(after));
      assertThat(fixture.deadLetters(GREET)).extracting(Message::id).containsExactly(quit.id());
      assertThat(reason(fixture.deadLetters(GREET).getFirst())).contains("Unacceptable", "QUIT");
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }

    @Test // #12: such a body reached the handler with a null id
    void a_json_body_without_an_id_is_handled_with_the_message_id() {
      // given
      run(subscription(GREET, Greet.class));
      Message noId =
          new Message(
              MessageHeader.builder(Id.random(), GREET, MessageType.COMMAND).build(),
              MessageBody.json("{\"name\":\"Ada\"}"));

      // when
      fixture.sendRaw(GREET, noId);

      // then
      await().until(() -> fixture.journal.handled.size() == 1);
      assertThat(fixture.journal.handled.getFirst().id()).isEqualTo(noId.id());
    }

    @Test // #12: a NONE message was never settled
    void a_message_of_type_none_is_dead_lettered() {
      // given
      run(subscription(GREET, Greet.class));
      Message none =
          new Message(
              MessageHeader.builder(Id.random(), GREET, MessageType.NONE).build(),
              MessageBody.EMPTY);

      // when
      fixture.sendRaw(GREET, none);

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst())).contains("Unacceptable", "NONE");
      assertThat(consumer().rejected).extracting(Message::id).containsExactly(none.id());
    }
  }

  @Nested
  class UnhandledExceptions {

    @Test
    void are_rejected_to_the_dead_letter_channel_with_the_reason_by_default() {
      // given
      handlerDoes(
          request -> {
            throw new IllegalStateException("boom");
          });
      run(subscription(GREET, Greet.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst()))
          .contains("DeliveryError", "Unhandled exception", "boom");
      assertThat(consumer().acknowledged).isEmpty();
    }

    @Test // #14: a passing outage must not dead-letter what it touched
    void a_transient_failure_is_requeued_rather_than_dead_lettered_by_default() {
      // given
      handlerDoes(
          request -> {
            if (fixture.journal.handled.size() == 1) {
              throw new TransientException("the database is restarting", null);
            }
          });
      run(subscription(GREET, Greet.class).requeueCount(3));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(consumer().requeued).hasSize(1);
      assertThat(fixture.deadLetters(GREET)).isEmpty();
    }

    @Test
    void are_requeued_within_the_requeue_count_when_the_action_is_defer() {
      // given
      handlerDoes(
          request -> {
            throw new IllegalStateException("boom");
          });
      run(
          subscription(GREET, Greet.class)
              .unhandledExceptionAction(UnhandledExceptionAction.DEFER)
              .requeueCount(2));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(fixture.journal.handled).hasSize(2);
      assertThat(consumer().requeued).hasSize(1);
    }

    @Test
    void are_acknowledged_when_the_action_is_acknowledge() {
      // given
      handlerDoes(
          request -> {
            throw new IllegalStateException("boom");
          });
      run(
          subscription(GREET, Greet.class)
              .unhandledExceptionAction(UnhandledExceptionAction.ACKNOWLEDGE));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(fixture.deadLetters(GREET)).isEmpty();
    }

    @Test
    void of_several_event_handlers_are_scanned_for_an_action() {
      // given
      handlerDoes(
          request -> {
            throw new IllegalStateException("first fails");
          });
      fixture.journal.second =
          request -> {
            throw new DeferMessageAction(Duration.ofMinutes(1));
          };
      run(subscription(GREETED, Greeted.class));

      // when
      fixture.send(GREETED, greeted("Ada"));

      // then
      await().until(() -> consumer().requeued.size() == 1);
      assertThat(consumer().requeued.getFirst().delay()).isEqualTo(Duration.ofMinutes(1));
      assertThat(fixture.deadLetters(GREETED)).isEmpty();
    }
  }

  @Nested
  class Actions {

    @Test
    void defer_requeues_until_the_requeue_count_of_deliveries_then_dead_letters() {
      // given
      handlerDoes(
          request -> {
            throw new DeferMessageAction();
          });
      run(subscription(GREET, Greet.class).requeueCount(3));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      Message deadLetter = fixture.deadLetters(GREET).getFirst();
      assertThat(fixture.journal.handled).hasSize(3);
      assertThat(deadLetter.header().handledCount()).isEqualTo(3);
      assertThat(reason(deadLetter)).contains("Handle count of messages reached");
      assertThat(consumer().requeued)
          .extracting(requeue -> requeue.message().header().handledCount())
          .containsExactly(1, 2);
    }

    @Test
    void defer_with_a_delay_overrides_the_requeue_delay() {
      // given
      handlerDoes(
          request -> {
            throw new DeferMessageAction(Duration.ofMinutes(5));
          });
      run(subscription(GREET, Greet.class).requeueDelay(Duration.ofMillis(1)));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> consumer().requeued.size() == 1);
      assertThat(consumer().requeued.getFirst().delay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void reject_dead_letters_with_the_reason() {
      // given
      handlerDoes(
          request -> {
            throw new RejectMessageAction("cancelled order");
          });
      run(subscription(GREET, Greet.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst()))
          .contains("DeliveryError", "cancelled order");
    }

    @Test
    void dont_ack_gives_the_message_back_without_acknowledging_it() {
      // given
      handlerDoes(
          request -> {
            if (fixture.journal.handled.size() == 1) {
              throw new DontAckAction("not now");
            }
          });
      run(subscription(GREET, Greet.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(fixture.journal.handled).hasSize(2);
      assertThat(consumer().requeued).isEmpty();
      assertThat(consumer().nacked).singleElement();
      assertThat(consumer().acknowledged.getFirst().header().handledCount()).isZero();
    }

    @Test
    void an_invalid_message_is_rejected_as_unacceptable() {
      // given
      handlerDoes(
          request -> {
            throw new InvalidMessageAction("no name");
          });
      run(subscription(GREET, Greet.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst())).contains("Unacceptable", "no name");
    }

    @Test
    void a_configuration_error_rejects_the_message_and_stops_the_pump_in_error() {
      // given
      handlerDoes(
          request -> {
            throw new ConfigurationException("miswired");
          });
      run(subscription(GREET, Greet.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> status() == MessagePumpStatus.ERROR);
      assertThat(state().error()).isInstanceOf(ConfigurationException.class);
      assertThat(fixture.deadLetters(GREET)).hasSize(1);
    }
  }

  @Nested
  class UnacceptableMessages {

    @Test
    void a_message_that_cannot_be_mapped_is_rejected_as_unacceptable() {
      // given
      run(subscription(GREET, Greet.class));

      // when
      fixture.sendBadJson();

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst())).contains("Unacceptable");
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }

    @Test // #12: the reason names what the transport could not read
    void a_message_the_transport_could_not_read_is_rejected_with_the_transports_reason() {
      // given
      run(subscription(GREET, Greet.class));
      Message unreadable =
          new Message(
              MessageHeader.builder(Id.random(), GREET, MessageType.UNACCEPTABLE)
                  .bagEntry(HeaderNames.UNREADABLE_REASON, "HandledCount header is not a number")
                  .build(),
              MessageBody.EMPTY);

      // when
      fixture.sendRaw(GREET, unreadable);

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst()))
          .contains("Unacceptable", "HandledCount header is not a number");
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }

    @Test
    void a_message_of_an_unknown_dynamic_type_is_rejected_as_unacceptable() {
      // given
      run(fixture.subscription(GREET, Greet.class, pumpType()).requestTypes(message -> null));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst())).contains("Unacceptable");
    }

    @Test
    void an_event_that_no_handler_of_this_pump_handles_is_rejected_not_acknowledged() {
      // given: every message read as an event type with no handler registered
      run(
          fixture
              .subscription(GREET, Greet.class, pumpType())
              .requestTypes(message -> Unheard.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      assertThat(reason(fixture.deadLetters(GREET).getFirst()))
          .contains(Unheard.class.getName() + " has no");
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }

    @Test
    void the_unacceptable_message_limit_stops_the_pump() {
      // given
      run(subscription(GREET, Greet.class).unacceptableMessageLimit(2));

      // when
      fixture.sendBadJson();
      fixture.sendBadJson();

      // then
      await().until(() -> status() == MessagePumpStatus.LIMIT_EXCEEDED);
      assertThat(fixture.deadLetters(GREET)).hasSize(2);
    }

    @Test
    void transient_failures_do_not_count_toward_the_limit() {
      // given: an outage fails the handler three times, the limit is two
      AtomicInteger failures = new AtomicInteger(3);
      handlerDoes(
          request -> {
            if (failures.getAndDecrement() > 0) {
              throw new TransientException("the database is restarting", null);
            }
          });
      run(subscription(GREET, Greet.class).unacceptableMessageLimit(2));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(consumer().requeued).hasSize(3);
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }

    @Test
    void the_window_starts_the_count_again() {
      // given
      MovableClock clock = new MovableClock();
      fixture.clock = clock;
      run(
          subscription(GREET, Greet.class)
              .unacceptableMessageLimit(2)
              .unacceptableMessageLimitWindow(Duration.ofMinutes(1)));
      fixture.sendBadJson();
      await().until(() -> fixture.deadLetters(GREET).size() == 1);
      clock.advance(Duration.ofMinutes(2));

      // when
      fixture.sendBadJson();
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.journal.handled.size() == 1);
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }

    @Test
    void a_limit_of_zero_never_trips() {
      // given
      run(subscription(GREET, Greet.class));

      // when
      for (int i = 0; i < 5; i++) {
        fixture.sendBadJson();
      }
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.journal.handled.size() == 1);
      assertThat(fixture.deadLetters(GREET)).hasSize(5);
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }
  }

  @Nested
  class ChannelFailures {

    @Test
    void are_retried_until_the_channel_is_back() {
      // given
      run(subscription(GREET, Greet.class, 3));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(consumer().receiveFailures).hasValue(3);
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }
  }

  @Nested
  class SettlementFailures { // #12: a failure while settling has a defined outcome

    @Test
    void a_settlement_that_fails_is_tried_again() {
      // given
      settlementFailures.set(MessagePump.SETTLE_TRIES - 1);
      run(subscription(GREET, Greet.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> consumer().acknowledged.size() == 1);
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
      assertThat(fixture.journal.handled).hasSize(1);
    }

    @Test
    void a_settlement_that_keeps_failing_stops_the_pump_which_the_dispatcher_replaces() {
      // given
      fixture.restartBackOff = Duration.ofMillis(20);
      settlementFailures.set(MessagePump.SETTLE_TRIES);
      run(subscription(GREET, Greet.class));
      Greet command = greet("Ada");

      // when
      fixture.send(GREET, command);

      // then: the first pump gave up, its message went back, the next pump handled it again
      await().until(() -> state().restarts() == 1 && consumer().acknowledged.size() == 1);
      assertThat(fixture.journal.handled).containsExactly(command, command);
      assertThat(status()).isEqualTo(MessagePumpStatus.STARTED);
    }

    @Test
    void a_pump_that_keeps_failing_is_reported_with_its_error_until_replaced() {
      // given
      fixture.restartBackOff = Duration.ofMinutes(1);
      settlementFailures.set(MessagePump.SETTLE_TRIES);
      run(subscription(GREET, Greet.class));

      // when
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> status() == MessagePumpStatus.ERROR);
      assertThat(state().error())
          .isInstanceOf(SettlementFailedException.class)
          .hasMessageContaining("Could not acknowledge message")
          .hasMessageContaining("the broker did not take it");
      DispatcherHealth.Report report = new DispatcherHealth(dispatcher).check();
      assertThat(report.status()).isEqualTo(DispatcherHealth.Status.UNHEALTHY);
      assertThat(report.message()).contains("a pump died", "Could not acknowledge message");
    }
  }

  @Nested
  class Buffering {

    @Test
    void a_buffer_of_several_messages_is_handled_in_order() {
      // given
      List<Greet> commands = List.of(greet("a"), greet("b"), greet("c"), greet("d"));
      commands.forEach(command -> fixture.send(GREET, command));

      // when
      run(subscription(GREET, Greet.class).bufferSize(3));

      // then
      await().until(() -> consumer().acknowledged.size() == 4);
      assertThat(fixture.journal.handled).containsExactlyElementsOf(commands);
    }
  }
}
