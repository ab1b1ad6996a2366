package io.brighter.handlers.featureswitch;

import static io.brighter.handlers.FeatureSwitchStatus.CONFIG;
import static io.brighter.handlers.FeatureSwitchStatus.OFF;
import static io.brighter.handlers.FeatureSwitchStatus.ON;
import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.actions.DontAckAction;
import io.brighter.featureswitch.FeatureSwitchRegistry;
import io.brighter.featureswitch.MissingConfigStrategy;
import io.brighter.handlers.FeatureSwitch;
import io.brighter.handlers.FeatureSwitchStatus;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureSwitchTest {

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  private final AtomicInteger handled = new AtomicInteger();

  private static FeatureSwitchRegistry switched(Class<?> handler, FeatureSwitchStatus status) {
    return FeatureSwitchRegistry.builder().status(handler, status).build();
  }

  private static FeatureSwitchRegistry unconfigured(MissingConfigStrategy strategy) {
    return FeatureSwitchRegistry.builder().missingConfig(strategy).build();
  }

  @Nested
  class Send {

    @Test
    void a_switch_that_is_on_runs_the_handler() {
      // given
      CommandProcessor processor = handling(Ping.class, OnHandler.class, OnHandler::new).build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(handled).hasValue(1);
    }

    @Test
    void a_switch_that_is_off_skips_the_handler_silently() {
      // given
      CommandProcessor processor = handling(Ping.class, OffHandler.class, OffHandler::new).build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(handled).hasValue(0);
    }

    @Test
    void a_switch_that_is_off_with_dont_ack_throws_dont_ack_action() {
      // given
      CommandProcessor processor =
          handling(Ping.class, OffDontAckHandler.class, OffDontAckHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(DontAckAction.class)
          .hasMessageContaining(OffDontAckHandler.class.getSimpleName());
      assertThat(handled).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({"ON, 1", "OFF, 0"})
    void a_configured_switch_does_what_the_registry_says(FeatureSwitchStatus status, int runs) {
      // given
      CommandProcessor processor =
          handling(Ping.class, ConfigHandler.class, ConfigHandler::new)
              .featureSwitches(switched(ConfigHandler.class, status))
              .build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(handled).hasValue(runs);
    }

    @Test
    void a_configured_switch_that_is_off_with_dont_ack_throws_dont_ack_action() {
      // given
      CommandProcessor processor =
          handling(Ping.class, ConfigDontAckHandler.class, ConfigDontAckHandler::new)
              .featureSwitches(switched(ConfigDontAckHandler.class, OFF))
              .build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next())).isInstanceOf(DontAckAction.class);
      assertThat(handled).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({"SILENT_ON, 1", "SILENT_OFF, 0"})
    void a_missing_setting_follows_the_registrys_strategy(
        MissingConfigStrategy strategy, int runs) {
      // given
      CommandProcessor processor =
          handling(Ping.class, ConfigHandler.class, ConfigHandler::new)
              .featureSwitches(unconfigured(strategy))
              .build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(handled).hasValue(runs);
    }

    @Test
    void a_missing_setting_with_the_exception_strategy_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handling(Ping.class, ConfigHandler.class, ConfigHandler::new)
              .featureSwitches(unconfigured(MissingConfigStrategy.EXCEPTION))
              .build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(ConfigHandler.class.getName());
      assertThat(handled).hasValue(0);
    }

    @Test
    void a_configured_switch_without_a_registry_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handling(Ping.class, ConfigHandler.class, ConfigHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("FeatureSwitchRegistry");
      assertThat(handled).hasValue(0);
    }

    @Test
    void a_registry_in_the_callers_context_wins_over_the_processors() {
      // given
      CommandProcessor processor =
          handling(Ping.class, ConfigHandler.class, ConfigHandler::new)
              .featureSwitches(switched(ConfigHandler.class, ON))
              .build();
      RequestContext context =
          new RequestContext().useFeatureSwitches(switched(ConfigHandler.class, OFF));

      // when
      processor.send(Ping.next(), context);

      // then
      assertThat(handled).hasValue(0);
    }
  }

  @Nested
  class SendAsync {

    @Test
    void a_switch_that_is_on_runs_the_handler() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, OnHandlerAsync.class, OnHandlerAsync::new).build();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(handled).hasValue(1);
    }

    @Test
    void a_switch_that_is_off_skips_the_handler_silently() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, OffHandlerAsync.class, OffHandlerAsync::new).build();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(handled).hasValue(0);
    }

    @Test
    void a_switch_that_is_off_with_dont_ack_fails_with_dont_ack_action() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, OffDontAckHandlerAsync.class, OffDontAckHandlerAsync::new)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(DontAckAction.class);
      assertThat(handled).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({"ON, 1", "OFF, 0"})
    void a_configured_switch_does_what_the_registry_says(FeatureSwitchStatus status, int runs) {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, ConfigHandlerAsync.class, ConfigHandlerAsync::new)
              .featureSwitches(switched(ConfigHandlerAsync.class, status))
              .build();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(handled).hasValue(runs);
    }

    @ParameterizedTest
    @CsvSource({"SILENT_ON, 1", "SILENT_OFF, 0"})
    void a_missing_setting_follows_the_registrys_strategy(
        MissingConfigStrategy strategy, int runs) {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, ConfigHandlerAsync.class, ConfigHandlerAsync::new)
              .featureSwitches(unconfigured(strategy))
              .build();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(handled).hasValue(runs);
    }

    @Test
    void a_missing_setting_with_the_exception_strategy_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, ConfigHandlerAsync.class, ConfigHandlerAsync::new)
              .featureSwitches(unconfigured(MissingConfigStrategy.EXCEPTION))
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ConfigurationException.class);
      assertThat(handled).hasValue(0);
    }

    @Test
    void a_configured_switch_without_a_registry_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, ConfigHandlerAsync.class, ConfigHandlerAsync::new).build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ConfigurationException.class);
      assertThat(handled).hasValue(0);
    }
  }

  // The handlers are inner classes: each counts into the handled field of the running test.

  abstract class Counting extends RequestHandler<Ping> {
    Ping count(Ping command) {
      handled.incrementAndGet();
      return super.handle(command);
    }
  }

  final class OnHandler extends Counting {
    @Override
    @FeatureSwitch(config = ON, step = 1)
    public Ping handle(Ping command) {
      return count(command);
    }
  }

  final class OffHandler extends Counting {
    @Override
    @FeatureSwitch(config = OFF, step = 1)
    public Ping handle(Ping command) {
      return count(command);
    }
  }

  final class OffDontAckHandler extends Counting {
    @Override
    @FeatureSwitch(config = OFF, dontAck = true, step = 1)
    public Ping handle(Ping command) {
      return count(command);
    }
  }

  final class ConfigHandler extends Counting {
    @Override
    @FeatureSwitch(config = CONFIG, step = 1)
    public Ping handle(Ping command) {
      return count(command);
    }
  }

  final class ConfigDontAckHandler extends Counting {
    @Override
    @FeatureSwitch(config = CONFIG, dontAck = true, step = 1)
    public Ping handle(Ping command) {
      return count(command);
    }
  }

  abstract class CountingAsync extends RequestHandlerAsync<Ping> {
    CompletableFuture<Ping> count(Ping command) {
      handled.incrementAndGet();
      return super.handleAsync(command);
    }
  }

  final class OnHandlerAsync extends CountingAsync {
    @Override
    @FeatureSwitch(config = ON, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return count(command);
    }
  }

  final class OffHandlerAsync extends CountingAsync {
    @Override
    @FeatureSwitch(config = OFF, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return count(command);
    }
  }

  final class OffDontAckHandlerAsync extends CountingAsync {
    @Override
    @FeatureSwitch(config = OFF, dontAck = true, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return count(command);
    }
  }

  final class ConfigHandlerAsync extends CountingAsync {
    @Override
    @FeatureSwitch(config = CONFIG, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return count(command);
    }
  }
}
