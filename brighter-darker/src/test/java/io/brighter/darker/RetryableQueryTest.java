package io.brighter.darker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryableQueryTest {

  private static final String GUARDED = "guarded";
  private static final String UNKNOWN = "Darker.NoSuchPolicy";

  /** Fails its first {@code failures} attempts, counting every attempt. */
  static final class FlakyHandler extends QueryHandler<FindGreeting, String> {
    private final AtomicInteger attempts;
    private final int failures;

    FlakyHandler(AtomicInteger attempts, int failures) {
      this.attempts = attempts;
      this.failures = failures;
    }

    @Override
    @RetryableQuery(step = 1)
    public String execute(FindGreeting query) {
      return RetryableQueryTest.attempt(attempts, failures, query);
    }
  }

  static final class FlakyHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    private final AtomicInteger attempts;
    private final int failures;

    FlakyHandlerAsync(AtomicInteger attempts, int failures) {
      this.attempts = attempts;
      this.failures = failures;
    }

    @Override
    @RetryableQuery(step = 1)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.supplyAsync(() -> attempt(attempts, failures, query));
    }
  }

  static final class GuardedHandler extends QueryHandler<FindGreeting, String> {
    private final AtomicInteger attempts;

    GuardedHandler(AtomicInteger attempts) {
      this.attempts = attempts;
    }

    @Override
    @RetryableQuery(step = 1, policy = GUARDED)
    public String execute(FindGreeting query) {
      return attempt(attempts, Integer.MAX_VALUE, query);
    }
  }

  static final class GuardedHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    private final AtomicInteger attempts;

    GuardedHandlerAsync(AtomicInteger attempts) {
      this.attempts = attempts;
    }

    @Override
    @RetryableQuery(step = 1, policy = GUARDED)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.supplyAsync(() -> attempt(attempts, Integer.MAX_VALUE, query));
    }
  }

  static final class UnknownPolicyHandler extends QueryHandler<FindGreeting, String> {
    private final AtomicInteger attempts;

    UnknownPolicyHandler(AtomicInteger attempts) {
      this.attempts = attempts;
    }

    @Override
    @RetryableQuery(step = 1, policy = UNKNOWN)
    public String execute(FindGreeting query) {
      return attempt(attempts, 0, query);
    }
  }

  static final class UnknownPolicyHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    private final AtomicInteger attempts;

    UnknownPolicyHandlerAsync(AtomicInteger attempts) {
      this.attempts = attempts;
    }

    @Override
    @RetryableQuery(step = 1, policy = UNKNOWN)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.completedFuture(attempt(attempts, 0, query));
    }
  }

  static String attempt(AtomicInteger attempts, int failures, FindGreeting query) {
    int attempt = attempts.incrementAndGet();
    if (attempt <= failures) {
      throw new IllegalStateException("attempt " + attempt + " failed");
    }
    return "Hello, " + query.name() + " at attempt " + attempt;
  }

  private static ResiliencePipelineRegistry resilience() {
    RetryConfig threeAttempts =
        RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ZERO).build();
    CircuitBreakerConfig opensAfterTwoFailures =
        CircuitBreakerConfig.custom()
            .slidingWindowSize(2)
            .minimumNumberOfCalls(2)
            .failureRateThreshold(50)
            .build();
    return new ResiliencePipelineRegistry()
        .register(RetryableQuery.DEFAULT_POLICY, Retry.of("queries", threeAttempts))
        .register(GUARDED, Retry.of(GUARDED, threeAttempts))
        .register(GUARDED, CircuitBreaker.of(GUARDED, opensAfterTwoFailures));
  }

  @Nested
  class Execute {

    @Test
    void retries_until_the_handler_succeeds() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handling(FlakyHandler.class, () -> new FlakyHandler(attempts, 2))
              .resilience(resilience())
              .build();

      // when
      String greeting = queries.execute(new FindGreeting("Ada"));

      // then
      assertThat(greeting).isEqualTo("Hello, Ada at attempt 3");
      assertThat(attempts).hasValue(3);
    }

    @Test
    void gives_up_after_the_last_attempt_with_its_failure() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handling(FlakyHandler.class, () -> new FlakyHandler(attempts, 5))
              .resilience(resilience())
              .build();

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("attempt 3 failed");
      assertThat(attempts).hasValue(3);
    }

    @Test
    void stops_calling_the_handler_once_the_circuit_opens() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handling(GuardedHandler.class, () -> new GuardedHandler(attempts))
              .resilience(resilience())
              .build();

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada")))
          .isInstanceOf(CallNotPermittedException.class);
      assertThat(attempts).hasValue(2);
    }

    @Test
    void an_unknown_policy_fails_when_the_processor_is_built() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor.Builder builder =
          Processors.handling(UnknownPolicyHandler.class, () -> new UnknownPolicyHandler(attempts))
              .resilience(resilience());

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNKNOWN)
          .hasMessageContaining(UnknownPolicyHandler.class.getName());
    }

    @Test
    void fails_before_the_handler_runs_when_the_context_registry_lacks_the_policy() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handling(UnknownPolicyHandler.class, () -> new UnknownPolicyHandler(attempts))
              .build();
      QueryContext context = new QueryContext().useResiliencePipelines(resilience());

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada"), context))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNKNOWN)
          .hasMessageContaining(UnknownPolicyHandler.class.getName());
      assertThat(attempts).hasValue(0);
    }

    @Test
    void fails_before_the_handler_runs_without_a_resilience_registry() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handling(FlakyHandler.class, () -> new FlakyHandler(attempts, 0)).build();

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("needs a ResiliencePipelineRegistry");
      assertThat(attempts).hasValue(0);
    }
  }

  @Nested
  class ExecuteAsync {

    @Test
    void retries_until_the_handler_succeeds() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handlingAsync(
                  FlakyHandlerAsync.class, () -> new FlakyHandlerAsync(attempts, 2))
              .resilience(resilience())
              .build();

      // when
      String greeting = queries.executeAsync(new FindGreeting("Ada")).join();

      // then
      assertThat(greeting).isEqualTo("Hello, Ada at attempt 3");
      assertThat(attempts).hasValue(3);
    }

    @Test
    void gives_up_after_the_last_attempt_with_its_failure() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handlingAsync(
                  FlakyHandlerAsync.class, () -> new FlakyHandlerAsync(attempts, 5))
              .resilience(resilience())
              .build();

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"));

      // then
      assertThatThrownBy(greeting::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("attempt 3 failed");
      assertThat(attempts).hasValue(3);
    }

    @Test
    void stops_calling_the_handler_once_the_circuit_opens() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handlingAsync(
                  GuardedHandlerAsync.class, () -> new GuardedHandlerAsync(attempts))
              .resilience(resilience())
              .build();

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"));

      // then
      assertThatThrownBy(greeting::join).cause().isInstanceOf(CallNotPermittedException.class);
      assertThat(attempts).hasValue(2);
    }

    @Test
    void an_unknown_policy_fails_when_the_processor_is_built() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor.Builder builder =
          Processors.handlingAsync(
                  UnknownPolicyHandlerAsync.class, () -> new UnknownPolicyHandlerAsync(attempts))
              .resilience(resilience());

      // when / then
      assertThatThrownBy(builder::build)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNKNOWN);
    }

    @Test
    void fails_before_the_handler_runs_when_the_context_registry_lacks_the_policy() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handlingAsync(
                  UnknownPolicyHandlerAsync.class, () -> new UnknownPolicyHandlerAsync(attempts))
              .build();
      QueryContext context = new QueryContext().useResiliencePipelines(resilience());

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"), context);

      // then
      assertThatThrownBy(greeting::join)
          .cause()
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(UNKNOWN);
      assertThat(attempts).hasValue(0);
    }
  }
}
