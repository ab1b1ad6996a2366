package io.brighter.handlers.backstop;

import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.actions.DeferMessageAction;
import io.brighter.actions.DontAckAction;
import io.brighter.actions.RejectMessageAction;
import io.brighter.handlers.DeferMessageOnError;
import io.brighter.handlers.DontAckOnError;
import io.brighter.handlers.RejectMessageOnError;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErrorBackstopTest {

  private static final long DELAY_MILLIS = 250;

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  record Pinged(Id id) implements Event {}

  private final RuntimeException failure = new IllegalStateException("handler failed");
  private final AtomicInteger handled = new AtomicInteger();

  /** What the synchronous handlers do; unless a test says otherwise, fail with {@link #failure}. */
  private Runnable work =
      () -> {
        throw failure;
      };

  /** What the asynchronous handlers return; unless a test says otherwise, {@link #failure}. */
  private Function<Ping, CompletableFuture<Ping>> workAsync =
      command -> CompletableFuture.failedFuture(failure);

  @Nested
  class Send {

    @Test
    void reject_on_error_turns_a_failure_into_a_reject_message_action() {
      // given
      CommandProcessor processor =
          handling(Ping.class, RejectingHandler.class, RejectingHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(RejectMessageAction.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void defer_on_error_turns_a_failure_into_a_defer_message_action_with_the_delay() {
      // given
      CommandProcessor processor =
          handling(Ping.class, DeferringHandler.class, DeferringHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOfSatisfying(
              DeferMessageAction.class,
              action -> assertThat(action.delay()).contains(Duration.ofMillis(DELAY_MILLIS)))
          .cause()
          .isSameAs(failure);
    }

    @Test
    void defer_on_error_without_a_delay_leaves_the_delay_to_the_subscription() {
      // given
      CommandProcessor processor =
          handling(Ping.class, DeferringNowHandler.class, DeferringNowHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOfSatisfying(
              DeferMessageAction.class, action -> assertThat(action.delay()).isEmpty())
          .cause()
          .isSameAs(failure);
    }

    @Test
    void dont_ack_on_error_turns_a_failure_into_a_dont_ack_action() {
      // given
      CommandProcessor processor =
          handling(Ping.class, NotAckingHandler.class, NotAckingHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(DontAckAction.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void an_action_thrown_by_the_handler_passes_unchanged() {
      // given
      DeferMessageAction defer = new DeferMessageAction(Duration.ofSeconds(1));
      work =
          () -> {
            throw defer;
          };
      CommandProcessor processor =
          handling(Ping.class, RejectingHandler.class, RejectingHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next())).isSameAs(defer);
    }

    @Test
    void a_handler_that_succeeds_is_not_affected() {
      // given
      work = handled::incrementAndGet;
      CommandProcessor processor =
          handling(Ping.class, RejectingHandler.class, RejectingHandler::new).build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(handled).hasValue(1);
    }
  }

  @Nested
  class Publish {

    @Test
    void reject_on_error_turns_an_event_handlers_failure_into_a_reject_message_action() {
      // given
      CommandProcessor processor =
          handling(Pinged.class, RejectingEventHandler.class, RejectingEventHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.publish(new Pinged(Id.random())))
          .isInstanceOf(RejectMessageAction.class)
          .cause()
          .isSameAs(failure);
    }
  }

  @Nested
  class SendAsync {

    @Test
    void reject_on_error_turns_a_failure_into_a_reject_message_action() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, RejectingHandlerAsync.class, RejectingHandlerAsync::new)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(RejectMessageAction.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void a_handler_that_throws_instead_of_failing_its_future_is_backstopped_too() {
      // given
      workAsync =
          command -> {
            throw failure;
          };
      CommandProcessor processor =
          handlingAsync(Ping.class, RejectingHandlerAsync.class, RejectingHandlerAsync::new)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(RejectMessageAction.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void defer_on_error_turns_a_failure_into_a_defer_message_action_with_the_delay() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, DeferringHandlerAsync.class, DeferringHandlerAsync::new)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              DeferMessageAction.class,
              action -> assertThat(action.delay()).contains(Duration.ofMillis(DELAY_MILLIS)))
          .cause()
          .isSameAs(failure);
    }

    @Test
    void dont_ack_on_error_turns_a_failure_into_a_dont_ack_action() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, NotAckingHandlerAsync.class, NotAckingHandlerAsync::new)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(DontAckAction.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void an_action_chosen_by_the_handler_passes_unchanged() {
      // given
      DeferMessageAction defer = new DeferMessageAction(Duration.ofSeconds(1));
      workAsync = command -> CompletableFuture.failedFuture(defer);
      CommandProcessor processor =
          handlingAsync(Ping.class, RejectingHandlerAsync.class, RejectingHandlerAsync::new)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isSameAs(defer);
    }
  }

  // The handlers are inner classes: they do the work the running test set up.

  abstract class Working extends RequestHandler<Ping> {
    Ping perform(Ping command) {
      work.run();
      return super.handle(command);
    }
  }

  final class RejectingHandler extends Working {
    @Override
    @RejectMessageOnError(step = 0)
    public Ping handle(Ping command) {
      return perform(command);
    }
  }

  final class DeferringHandler extends Working {
    @Override
    @DeferMessageOnError(step = 0, delayMilliseconds = DELAY_MILLIS)
    public Ping handle(Ping command) {
      return perform(command);
    }
  }

  final class DeferringNowHandler extends Working {
    @Override
    @DeferMessageOnError(step = 0)
    public Ping handle(Ping command) {
      return perform(command);
    }
  }

  final class NotAckingHandler extends Working {
    @Override
    @DontAckOnError(step = 0)
    public Ping handle(Ping command) {
      return perform(command);
    }
  }

  final class RejectingEventHandler extends RequestHandler<Pinged> {
    @Override
    @RejectMessageOnError(step = 0)
    public Pinged handle(Pinged event) {
      work.run();
      return super.handle(event);
    }
  }

  final class RejectingHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @RejectMessageOnError(step = 0)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return workAsync.apply(command);
    }
  }

  final class DeferringHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @DeferMessageOnError(step = 0, delayMilliseconds = DELAY_MILLIS)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return workAsync.apply(command);
    }
  }

  final class NotAckingHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @DontAckOnError(step = 0)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return workAsync.apply(command);
    }
  }
}
