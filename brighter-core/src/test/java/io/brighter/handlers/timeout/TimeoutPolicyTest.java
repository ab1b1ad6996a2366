package io.brighter.handlers.timeout;

import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.TimeoutPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimeoutPolicyTest {

  private static final long SHORT_MILLIS = 100;
  // Generous: a handler that finishes at once never comes near it, even on a loaded machine.
  private static final long LONG_MILLIS = 10_000;

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  private final AtomicInteger handled = new AtomicInteger();
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final RuntimeException failure = new IllegalStateException("handler failed");

  /** What the synchronous handlers do; unless a test says otherwise, count the request. */
  private Runnable work = handled::incrementAndGet;

  /** What the asynchronous handlers return; unless a test says otherwise, count and complete. */
  private Function<Ping, CompletableFuture<Ping>> workAsync =
      command -> {
        handled.incrementAndGet();
        return CompletableFuture.completedFuture(command);
      };

  @Nested
  class Send {

    @Test
    void a_handler_that_runs_too_long_times_out_and_is_interrupted() {
      // given
      CommandProcessor processor =
          handling(Ping.class, BlockingHandler.class, BlockingHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOfSatisfying(
              HandlerTimeoutException.class,
              e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(SHORT_MILLIS)));
      await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
    }

    @Test
    void a_handler_that_finishes_in_time_returns_normally() {
      // given
      CommandProcessor processor =
          handling(Ping.class, PromptHandler.class, PromptHandler::new).build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(handled).hasValue(1);
    }

    @Test
    void an_exception_from_the_handler_is_rethrown_unchanged() {
      // given
      work =
          () -> {
            throw failure;
          };
      CommandProcessor processor =
          handling(Ping.class, PromptHandler.class, PromptHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next())).isSameAs(failure);
    }

    @Test
    void a_limit_that_is_not_positive_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handling(Ping.class, NoTimeHandler.class, NoTimeHandler::new).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("milliseconds");
      assertThat(handled).hasValue(0);
    }
  }

  @Nested
  class SendAsync {

    @Test
    void a_future_that_never_completes_times_out_and_is_cancelled() {
      // given
      CompletableFuture<Ping> never = new CompletableFuture<>();
      workAsync = command -> never;
      CommandProcessor processor =
          handlingAsync(Ping.class, SlowHandlerAsync.class, SlowHandlerAsync::new).build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              HandlerTimeoutException.class,
              e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(SHORT_MILLIS)));
      assertThat(never).isCancelled();
    }

    @Test
    void a_future_that_completes_in_time_returns_normally() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, PromptHandlerAsync.class, PromptHandlerAsync::new).build();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(handled).hasValue(1);
    }

    @Test
    void an_exception_from_the_handler_is_passed_on_unchanged() {
      // given
      workAsync = command -> CompletableFuture.failedFuture(failure);
      CommandProcessor processor =
          handlingAsync(Ping.class, PromptHandlerAsync.class, PromptHandlerAsync::new).build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isSameAs(failure);
    }

    @Test
    void a_limit_that_is_not_positive_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, NoTimeHandlerAsync.class, NoTimeHandlerAsync::new).build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ConfigurationException.class);
      assertThat(handled).hasValue(0);
    }
  }

  // The handlers are inner classes: they do the work the running test set up.

  /** Waits on a latch nobody releases, and records being interrupted. */
  final class BlockingHandler extends RequestHandler<Ping> {
    private final CountDownLatch neverReleased = new CountDownLatch(1);

    @Override
    @TimeoutPolicy(milliseconds = SHORT_MILLIS, step = 1)
    public Ping handle(Ping command) {
      try {
        neverReleased.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        interrupted.set(true);
        Thread.currentThread().interrupt();
      }
      return super.handle(command);
    }
  }

  final class PromptHandler extends RequestHandler<Ping> {
    @Override
    @TimeoutPolicy(milliseconds = LONG_MILLIS, step = 1)
    public Ping handle(Ping command) {
      work.run();
      return super.handle(command);
    }
  }

  final class NoTimeHandler extends RequestHandler<Ping> {
    @Override
    @TimeoutPolicy(milliseconds = 0, step = 1)
    public Ping handle(Ping command) {
      work.run();
      return super.handle(command);
    }
  }

  final class SlowHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @TimeoutPolicy(milliseconds = SHORT_MILLIS, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return workAsync.apply(command);
    }
  }

  final class PromptHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @TimeoutPolicy(milliseconds = LONG_MILLIS, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return workAsync.apply(command);
    }
  }

  final class NoTimeHandlerAsync extends RequestHandlerAsync<Ping> {
    @Override
    @TimeoutPolicy(milliseconds = -1, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return workAsync.apply(command);
    }
  }
}
