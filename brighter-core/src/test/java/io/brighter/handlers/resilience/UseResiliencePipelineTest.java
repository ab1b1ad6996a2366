package io.brighter.handlers.resilience;

import static io.brighter.handlers.fixtures.Processors.handling;
import static io.brighter.handlers.fixtures.Processors.handlingAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UseResiliencePipelineTest {

  private static final String RETRY = "retry-three-times";
  private static final String RETRY_AND_BREAK = "retry-twice-and-break";
  private static final String UNREGISTERED = "not-registered";

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  private final AtomicInteger attempts = new AtomicInteger();

  // Retry twice per send; the circuit opens once 2 of the last 4 calls failed.
  private final CircuitBreaker breaker =
      CircuitBreaker.of(
          RETRY_AND_BREAK,
          CircuitBreakerConfig.custom()
              .slidingWindowType(SlidingWindowType.COUNT_BASED)
              .slidingWindowSize(4)
              .minimumNumberOfCalls(4)
              .failureRateThreshold(50)
              .build());

  private final ResiliencePipelineRegistry registry =
      new ResiliencePipelineRegistry()
          .register(RETRY, retry(RETRY, 3))
          .register(RETRY_AND_BREAK, retry(RETRY_AND_BREAK, 2))
          .register(RETRY_AND_BREAK, breaker);

  private static Retry retry(String name, int maxAttempts) {
    return Retry.of(
        name, RetryConfig.custom().maxAttempts(maxAttempts).waitDuration(Duration.ZERO).build());
  }

  @Nested
  class Send {

    @Test
    void retries_the_handler_until_attempts_run_out() {
      // given
      CommandProcessor processor =
          handling(Ping.class, RetriedHandler.class, () -> new RetriedHandler(10))
              .resilience(registry)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("attempt 3 failed");
      assertThat(attempts).hasValue(3);
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "2, 3"})
    void succeeds_once_an_attempt_works(int failures, int expectedAttempts) {
      // given
      CommandProcessor processor =
          handling(Ping.class, RetriedHandler.class, () -> new RetriedHandler(failures))
              .resilience(registry)
              .build();

      // when
      processor.send(Ping.next());

      // then
      assertThat(attempts).hasValue(expectedAttempts);
    }

    @Test
    void fails_fast_without_calling_the_handler_once_the_circuit_opens() {
      // given
      CommandProcessor processor =
          handling(Ping.class, BreakingHandler.class, BreakingHandler::new)
              .resilience(registry)
              .build();
      for (int send = 1; send <= 2; send++) {
        assertThatThrownBy(() -> processor.send(Ping.next()))
            .isInstanceOf(IllegalStateException.class);
      }
      assertThat(attempts).hasValue(4);

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(CallNotPermittedException.class);
      assertThat(attempts).hasValue(4);
      assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void an_unregistered_policy_name_fails_when_the_processor_is_built() {
      // given
      CommandProcessor.Builder builder =
          handling(Ping.class, UnregisteredPolicyHandler.class, UnregisteredPolicyHandler::new)
              .resilience(registry);

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNREGISTERED)
          .hasMessageContaining(UnregisteredPolicyHandler.class.getName());
    }

    @Test
    void an_unregistered_policy_name_in_the_context_registry_fails_before_the_handler_runs() {
      // given
      CommandProcessor processor =
          handling(Ping.class, UnregisteredPolicyHandler.class, UnregisteredPolicyHandler::new)
              .build();
      RequestContext context = new RequestContext().useResiliencePipelines(registry);

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next(), context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNREGISTERED);
      assertThat(attempts).hasValue(0);
    }

    @Test
    void a_processor_without_a_registry_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handling(Ping.class, RetriedHandler.class, () -> new RetriedHandler(0)).build();

      // when / then
      assertThatThrownBy(() -> processor.send(Ping.next()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("ResiliencePipelineRegistry");
      assertThat(attempts).hasValue(0);
    }
  }

  @Nested
  class SendAsync {

    @Test
    void retries_the_handler_until_attempts_run_out() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, RetriedHandlerAsync.class, () -> new RetriedHandlerAsync(10))
              .resilience(registry)
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("attempt 3 failed");
      assertThat(attempts).hasValue(3);
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "2, 3"})
    void succeeds_once_an_attempt_works(int failures, int expectedAttempts) {
      // given
      CommandProcessor processor =
          handlingAsync(
                  Ping.class, RetriedHandlerAsync.class, () -> new RetriedHandlerAsync(failures))
              .resilience(registry)
              .build();

      // when
      processor.sendAsync(Ping.next()).join();

      // then
      assertThat(attempts).hasValue(expectedAttempts);
    }

    @Test
    void fails_fast_without_calling_the_handler_once_the_circuit_opens() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, BreakingHandlerAsync.class, BreakingHandlerAsync::new)
              .resilience(registry)
              .build();
      for (int send = 1; send <= 2; send++) {
        assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
            .cause()
            .isInstanceOf(IllegalStateException.class);
      }
      assertThat(attempts).hasValue(4);

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(CallNotPermittedException.class);
      assertThat(attempts).hasValue(4);
    }

    @Test
    void an_unregistered_policy_name_fails_when_the_processor_is_built() {
      // given
      CommandProcessor.Builder builder =
          handlingAsync(
                  Ping.class,
                  UnregisteredPolicyHandlerAsync.class,
                  UnregisteredPolicyHandlerAsync::new)
              .resilience(registry);

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNREGISTERED);
    }

    @Test
    void an_unregistered_policy_name_in_the_context_registry_fails_before_the_handler_runs() {
      // given
      CommandProcessor processor =
          handlingAsync(
                  Ping.class,
                  UnregisteredPolicyHandlerAsync.class,
                  UnregisteredPolicyHandlerAsync::new)
              .build();
      RequestContext context = new RequestContext().useResiliencePipelines(registry);

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next(), context).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNREGISTERED);
      assertThat(attempts).hasValue(0);
    }

    @Test
    void a_processor_without_a_registry_is_a_configuration_error() {
      // given
      CommandProcessor processor =
          handlingAsync(Ping.class, RetriedHandlerAsync.class, () -> new RetriedHandlerAsync(0))
              .build();

      // when / then
      assertThatThrownBy(() -> processor.sendAsync(Ping.next()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(ConfigurationException.class);
      assertThat(attempts).hasValue(0);
    }
  }

  // The handlers are inner classes: each counts into the attempts field of the running test.

  abstract class CountingHandler extends RequestHandler<Ping> {
    /** Counts the attempt; the first {@code failures} attempts fail. */
    Ping attempt(Ping command, int failures) {
      int attempt = attempts.incrementAndGet();
      if (attempt <= failures) {
        throw new IllegalStateException("attempt " + attempt + " failed");
      }
      return super.handle(command);
    }
  }

  final class RetriedHandler extends CountingHandler {
    private final int failures;

    RetriedHandler(int failures) {
      this.failures = failures;
    }

    @Override
    @UseResiliencePipeline(policy = RETRY, step = 1)
    public Ping handle(Ping command) {
      return attempt(command, failures);
    }
  }

  final class BreakingHandler extends CountingHandler {
    @Override
    @UseResiliencePipeline(policy = RETRY_AND_BREAK, step = 1)
    public Ping handle(Ping command) {
      return attempt(command, Integer.MAX_VALUE);
    }
  }

  final class UnregisteredPolicyHandler extends CountingHandler {
    @Override
    @UseResiliencePipeline(policy = UNREGISTERED, step = 1)
    public Ping handle(Ping command) {
      return attempt(command, 0);
    }
  }

  abstract class CountingHandlerAsync extends RequestHandlerAsync<Ping> {
    /** Counts the attempt; the first {@code failures} attempts complete exceptionally. */
    CompletableFuture<Ping> attempt(Ping command, int failures) {
      int attempt = attempts.incrementAndGet();
      if (attempt <= failures) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("attempt " + attempt + " failed"));
      }
      return super.handleAsync(command);
    }
  }

  final class RetriedHandlerAsync extends CountingHandlerAsync {
    private final int failures;

    RetriedHandlerAsync(int failures) {
      this.failures = failures;
    }

    @Override
    @UseResiliencePipeline(policy = RETRY, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return attempt(command, failures);
    }
  }

  final class BreakingHandlerAsync extends CountingHandlerAsync {
    @Override
    @UseResiliencePipeline(policy = RETRY_AND_BREAK, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return attempt(command, Integer.MAX_VALUE);
    }
  }

  final class UnregisteredPolicyHandlerAsync extends CountingHandlerAsync {
    @Override
    @UseResiliencePipeline(policy = UNREGISTERED, step = 1)
    public CompletableFuture<Ping> handleAsync(Ping command) {
      return attempt(command, 0);
    }
  }
}
