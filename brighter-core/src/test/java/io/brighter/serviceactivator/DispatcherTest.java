package io.brighter.serviceactivator;

import static io.brighter.serviceactivator.PumpFixture.GREET;
import static io.brighter.serviceactivator.PumpFixture.GREETED;
import static io.brighter.serviceactivator.PumpFixture.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.observability.MessagingMetrics;
import io.brighter.serviceactivator.PumpFixture.Greet;
import io.brighter.serviceactivator.PumpFixture.Greeted;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DispatcherTest {

  private final PumpFixture fixture = new PumpFixture();
  private final CountDownLatch release = new CountDownLatch(1);
  private Dispatcher dispatcher = fixture.dispatcher();

  @AfterEach
  void stop() {
    release.countDown();
    dispatcher.stop();
  }

  private Subscription greetings(int performers) {
    return fixture
        .subscription(GREET, Greet.class, MessagePumpType.REACTOR)
        .noOfPerformers(performers)
        .build();
  }

  private long running(String name) {
    return dispatcher.state().stream()
        .filter(state -> state.subscriptionName().equals(name))
        .filter(ConsumerState::running)
        .count();
  }

  private void blockHandlers() {
    fixture.journal.behaviour =
        request -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
  }

  @Nested
  class Lifecycle {

    @Test
    void start_runs_the_performers_of_every_subscription() {
      // given
      dispatcher =
          fixture.dispatcher(
              greetings(3),
              fixture.subscription(GREETED, Greeted.class, MessagePumpType.PROACTOR).build());

      // when
      dispatcher.start();

      // then
      assertThat(dispatcher.state())
          .extracting(ConsumerState::subscriptionName)
          .containsExactly("greet", "greet", "greet", "greeted");
      assertThat(dispatcher.state()).allMatch(ConsumerState::running);
    }

    @Test
    void several_performers_share_the_work() {
      // given
      dispatcher = fixture.dispatcher(greetings(3));
      dispatcher.start();

      // when
      for (int i = 0; i < 20; i++) {
        fixture.send(GREET, greet("n" + i));
      }

      // then
      await().until(() -> fixture.journal.handled.size() == 20);
    }

    @Test
    void shut_stops_a_subscription_and_open_restarts_it() {
      // given
      dispatcher = fixture.dispatcher(greetings(2));
      dispatcher.start();

      // when
      dispatcher.shut("greet");

      // then
      await().until(() -> running("greet") == 0);
      assertThat(dispatcher.state())
          .extracting(ConsumerState::status)
          .containsOnly(MessagePumpStatus.STOPPED);

      // when
      dispatcher.open("greet");
      fixture.send(GREET, greet("Ada"));

      // then
      assertThat(running("greet")).isEqualTo(2);
      await().until(() -> fixture.journal.handled.size() == 1);
    }

    @Test
    void open_adds_a_subscription() {
      // given
      dispatcher = fixture.dispatcher(greetings(1));
      dispatcher.start();

      // when
      dispatcher.open(
          fixture.subscription(GREETED, Greeted.class, MessagePumpType.REACTOR).build());
      fixture.send(GREETED, PumpFixture.greeted("Ada"));

      // then
      await().until(() -> fixture.journal.handled.size() == 1);
      assertThat(running("greeted")).isOne();
    }

    @Test
    void set_active_performers_starts_more_or_stops_the_surplus() {
      // given
      dispatcher = fixture.dispatcher(greetings(1));
      dispatcher.start();

      // when
      dispatcher.setActivePerformers("greet", 3);

      // then
      assertThat(running("greet")).isEqualTo(3);

      // when
      dispatcher.setActivePerformers("greet", 1);

      // then
      await().until(() -> running("greet") == 1);
      assertThat(dispatcher.subscriptions().getFirst().noOfPerformers()).isOne();
    }

    @Test
    void an_unknown_subscription_is_a_configuration_error() {
      assertThatThrownBy(() -> dispatcher.open("nope"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("nope");
    }

    @Test
    void two_subscriptions_with_one_name_are_refused() {
      assertThatThrownBy(() -> fixture.dispatcher(greetings(1), greetings(2)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Dispatcher.subscriptions");
    }

    @Test
    void a_proactor_subscription_to_a_type_with_only_synchronous_handlers_is_refused() {
      // given: Greeted has a synchronous handler only, which a Proactor pump never runs
      CommandProcessor onlySync =
          CommandProcessor.builder()
              .handlers(
                  new SubscriberRegistry()
                      .register(Greeted.class, PumpFixture.GreetedHandler.class),
                  new SimpleHandlerFactory())
              .build();

      // when / then
      assertThatThrownBy(
              () ->
                  new DispatcherBuilder()
                      .commandProcessor(onlySync)
                      .subscriptions(
                          List.of(
                              fixture
                                  .subscription(GREETED, Greeted.class, MessagePumpType.PROACTOR)
                                  .build()))
                      .build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(Greeted.class.getName() + " has no asynchronous handler")
          .hasMessageContaining("SubscriberRegistry.registerAsync")
          .hasMessageContaining("REACTOR pump");
    }

    @Test
    void a_reactor_subscription_to_a_type_with_no_handler_is_refused() {
      // given
      CommandProcessor none =
          CommandProcessor.builder()
              .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
              .build();

      // when / then
      assertThatThrownBy(
              () ->
                  new DispatcherBuilder()
                      .commandProcessor(none)
                      .subscriptions(
                          List.of(
                              fixture
                                  .subscription(GREET, Greet.class, MessagePumpType.REACTOR)
                                  .build()))
                      .build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(Greet.class.getName() + " has no synchronous handler")
          .hasMessageNotContaining("PROACTOR pump");
    }

    @Test
    void the_builder_names_a_missing_property() {
      assertThatThrownBy(
              () ->
                  new DispatcherBuilder()
                      .mappers(new MessageMapperRegistry())
                      .subscriptions(List.of())
                      .build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("Dispatcher.commandProcessor may not be null");
    }
  }

  @Nested
  class Restarts { // #12: a pump that dies of anything is restarted with back-off

    /** A channel factory that fails to make a consumer until {@code failures} is spent. */
    private Subscription failingToConnect(MessagePumpType pumpType, AtomicInteger failures) {
      InMemoryChannelFactory channels = new InMemoryChannelFactory(fixture.bus);
      return fixture
          .subscription(GREET, Greet.class, pumpType)
          .channelFactory(
              subscription -> {
                if (failures.getAndDecrement() > 0) {
                  throw new IllegalStateException("cannot connect");
                }
                return channels.createConsumer(subscription);
              })
          .build();
    }

    @ParameterizedTest
    @EnumSource(MessagePumpType.class)
    void a_pump_that_dies_is_replaced_after_a_back_off_and_counted(MessagePumpType pumpType) {
      // given
      fixture.restartBackOff = Duration.ofMillis(10);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      dispatcher =
          fixture.dispatcher(
              List.of(failingToConnect(pumpType, new AtomicInteger(3))),
              new MessagingMetrics() {
                @Override
                public void pumpFailed(Subscription subscription, Throwable cause) {
                  failures.add(cause);
                }
              });

      // when
      dispatcher.start();
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.journal.handled.size() == 1);
      assertThat(dispatcher.state())
          .singleElement()
          .satisfies(
              state -> {
                assertThat(state.status()).isEqualTo(MessagePumpStatus.STARTED);
                assertThat(state.restarts()).isEqualTo(3);
              });
      assertThat(failures)
          .hasSize(3)
          .allMatch(cause -> cause.getMessage().equals("cannot connect"));
    }

    @Test
    void the_back_off_doubles_for_each_pump_that_dies_in_a_row_up_to_its_most() {
      RestartBackOff backOff = new RestartBackOff(Duration.ofSeconds(1), Duration.ofSeconds(5));

      assertThat(List.of(1, 2, 3, 4, 40))
          .extracting(backOff::before)
          .containsExactly(
              Duration.ofSeconds(1),
              Duration.ofSeconds(2),
              Duration.ofSeconds(4),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5));
    }

    @Test
    void stop_and_shut_cancel_a_pending_restart() {
      // given
      fixture.restartBackOff = Duration.ofMillis(200);
      AtomicInteger attempts = new AtomicInteger(1);
      dispatcher = fixture.dispatcher(failingToConnect(MessagePumpType.REACTOR, attempts));
      dispatcher.start();
      await().until(() -> dispatcher.state().getFirst().status() == MessagePumpStatus.ERROR);

      // when
      dispatcher.shut("greet");

      // then
      await()
          .during(Duration.ofMillis(400))
          .atMost(Duration.ofSeconds(2))
          .until(() -> dispatcher.state().getFirst().status() == MessagePumpStatus.ERROR);
    }

    @Test
    void open_replaces_a_dead_pump_at_once() {
      // given
      dispatcher =
          fixture.dispatcher(failingToConnect(MessagePumpType.REACTOR, new AtomicInteger(1)));
      dispatcher.start();
      await().until(() -> dispatcher.state().getFirst().status() == MessagePumpStatus.ERROR);

      // when
      dispatcher.open("greet");
      fixture.send(GREET, greet("Ada"));

      // then
      await().until(() -> fixture.journal.handled.size() == 1);
      assertThat(dispatcher.state())
          .singleElement()
          .satisfies(
              state -> {
                assertThat(state.running()).isTrue();
                assertThat(state.restarts()).isZero();
              });
    }
  }

  @Nested
  class Stop {

    @ParameterizedTest
    @EnumSource(MessagePumpType.class)
    void drains_the_message_in_hand_and_acknowledges_it(MessagePumpType pumpType) {
      // given
      blockHandlers();
      dispatcher = fixture.dispatcher(fixture.subscription(GREET, Greet.class, pumpType).build());
      dispatcher.start();
      fixture.send(GREET, greet("Ada"));
      await().until(() -> fixture.journal.handled.size() == 1);

      // when
      CompletableFuture<Boolean> stopping = CompletableFuture.supplyAsync(dispatcher::stop);
      assertThat(stopping).isNotDone();
      release.countDown();

      // then
      assertThat(stopping.join()).isTrue();
      assertThat(dispatcher.state())
          .extracting(ConsumerState::status)
          .containsOnly(MessagePumpStatus.STOPPED);
      assertThat(fixture.bus.pending(GREET)).isZero();
      assertThat(fixture.deadLetters(GREET)).isEmpty();
    }

    @Test
    void returns_when_it_passes_its_timeout() {
      // given
      blockHandlers();
      dispatcher =
          new DispatcherBuilder()
              .commandProcessor(fixture.processor)
              .mappers(new MessageMapperRegistry())
              .subscriptions(List.of(greetings(1)))
              .shutdownTimeout(Duration.ofMillis(50))
              .build();
      dispatcher.start();
      fixture.send(GREET, greet("Ada"));
      await().until(() -> fixture.journal.handled.size() == 1);

      // when
      boolean stopped = dispatcher.stop();

      // then
      assertThat(stopped).isFalse();
      assertThat(running("greet")).isOne();
    }
  }

  @Nested
  class Health {

    @Test
    void is_healthy_when_every_performer_runs() {
      // given
      dispatcher = fixture.dispatcher(greetings(2));
      dispatcher.start();

      // when
      DispatcherHealth.Report report = new DispatcherHealth(dispatcher).check();

      // then
      assertThat(report.status()).isEqualTo(DispatcherHealth.Status.HEALTHY);
      assertThat(report.message()).isEqualTo("2 healthy consumers.");
    }

    @Test
    void is_degraded_naming_the_subscription_short_of_performers() {
      // given
      dispatcher =
          fixture.dispatcher(
              greetings(1),
              fixture.subscription(GREETED, Greeted.class, MessagePumpType.REACTOR).build());
      dispatcher.start();
      dispatcher.shut("greeted");
      await().until(() -> running("greeted") == 0);

      // when
      DispatcherHealth.Report report = new DispatcherHealth(dispatcher).check();

      // then
      assertThat(report.status()).isEqualTo(DispatcherHealth.Status.DEGRADED);
      assertThat(report.message()).isEqualTo("greeted has 0 of 1 expected consumers");
    }

    @ParameterizedTest
    @EnumSource(MessagePumpType.class)
    void is_degraded_naming_the_failing_channel_while_the_broker_is_away_and_healthy_after(
        MessagePumpType pumpType) {
      // given: a channel whose receives fail, as with the broker away
      List<RecordingConsumer> consumers = new CopyOnWriteArrayList<>();
      InMemoryChannelFactory channels = new InMemoryChannelFactory(fixture.bus);
      dispatcher =
          fixture.dispatcher(
              fixture
                  .subscription(GREET, Greet.class, pumpType)
                  .channelFactory(
                      subscription -> {
                        RecordingConsumer consumer =
                            new RecordingConsumer(
                                channels.createConsumer(subscription),
                                Integer.MAX_VALUE,
                                new AtomicInteger());
                        consumers.add(consumer);
                        return consumer;
                      })
                  .build());
      dispatcher.start();
      await().until(() -> !consumers.isEmpty() && consumers.getFirst().receiveFailures.get() > 0);

      // when
      DispatcherHealth.Report during = new DispatcherHealth(dispatcher).check();
      consumers.forEach(RecordingConsumer::recover);
      await()
          .until(
              () ->
                  new DispatcherHealth(dispatcher).check().status()
                      == DispatcherHealth.Status.HEALTHY);

      // then
      assertThat(during.status()).isEqualTo(DispatcherHealth.Status.DEGRADED);
      assertThat(during.message()).contains("greet's channel is failing").contains("broker down");
      assertThat(dispatcher.state().getFirst().channelFailing()).isFalse();
    }

    @Test
    void is_unhealthy_when_a_pump_died_and_none_runs() {
      // given
      dispatcher =
          fixture.dispatcher(
              fixture.subscription(GREET, Greet.class, MessagePumpType.REACTOR).build());
      fixture.journal.behaviour =
          request -> {
            throw new ConfigurationException("miswired");
          };
      dispatcher.start();
      fixture.send(GREET, greet("Ada"));
      await().until(() -> running("greet") == 0);

      // when
      DispatcherHealth.Report report = new DispatcherHealth(dispatcher).check();

      // then
      assertThat(report.status()).isEqualTo(DispatcherHealth.Status.UNHEALTHY);
      assertThat(report.message()).contains("greet has 0 of 1");
      assertThat(dispatcher.state().getFirst().status()).isEqualTo(MessagePumpStatus.ERROR);
    }
  }
}
