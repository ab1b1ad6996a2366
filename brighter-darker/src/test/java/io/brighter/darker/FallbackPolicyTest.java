package io.brighter.darker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.resilience.ResiliencePipelineRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FallbackPolicyTest {

  static final UncheckedIOException UNAVAILABLE =
      new UncheckedIOException(new IOException("greetings store unavailable"));

  /** Falls back on I/O failures only, answering with what it found in the bag. */
  static final class StoreHandler extends QueryHandler<FindGreeting, String> {
    private final RuntimeException failure;

    StoreHandler(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    @FallbackPolicy(step = 1, exceptions = UncheckedIOException.class)
    public String execute(FindGreeting query) {
      throw failure;
    }

    @Override
    public String fallback(FindGreeting query) {
      Throwable cause = (Throwable) context().bag().get(FallbackPolicy.CAUSE_KEY);
      return "Hi, " + query.name() + " (" + cause.getCause().getMessage() + ")";
    }
  }

  static final class StoreHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    private final RuntimeException failure;

    StoreHandlerAsync(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    @FallbackPolicy(step = 1, exceptions = UncheckedIOException.class)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      return CompletableFuture.failedFuture(failure);
    }

    @Override
    public CompletableFuture<String> fallbackAsync(FindGreeting query) {
      Throwable cause = (Throwable) context().bag().get(FallbackPolicy.CAUSE_KEY);
      return CompletableFuture.completedFuture(
          "Hi, " + query.name() + " (" + cause.getCause().getMessage() + ")");
    }
  }

  /** Falls back on any exception, but defines no fallback. */
  static final class NoFallbackHandler extends QueryHandler<FindGreeting, String> {
    @Override
    @FallbackPolicy(step = 1)
    public String execute(FindGreeting query) {
      throw UNAVAILABLE;
    }
  }

  static final class NoFallbackHandlerAsync extends QueryHandlerAsync<FindGreeting, String> {
    @Override
    @FallbackPolicy(step = 1)
    public CompletableFuture<String> executeAsync(FindGreeting query) {
      throw UNAVAILABLE;
    }
  }

  /** Retries three times inside the fallback policy. */
  static final class RetriedHandler extends QueryHandler<FindGreeting, String> {
    private final AtomicInteger attempts;

    RetriedHandler(AtomicInteger attempts) {
      this.attempts = attempts;
    }

    @Override
    @RetryableQuery(step = 2)
    @FallbackPolicy(step = 1)
    public String execute(FindGreeting query) {
      throw new IllegalStateException("attempt " + attempts.incrementAndGet() + " failed");
    }

    @Override
    public String fallback(FindGreeting query) {
      return "fallback after " + context().bag().get(FallbackPolicy.CAUSE_KEY);
    }
  }

  @Nested
  class Execute {

    @Test
    void answers_with_the_fallback_and_stores_the_cause_for_a_listed_exception() {
      // given
      QueryProcessor queries =
          Processors.handling(StoreHandler.class, () -> new StoreHandler(UNAVAILABLE)).build();
      QueryContext context = new QueryContext();

      // when
      String greeting = queries.execute(new FindGreeting("Ada"), context);

      // then
      assertThat(greeting).isEqualTo("Hi, Ada (greetings store unavailable)");
      assertThat(context.bag()).containsEntry(FallbackPolicy.CAUSE_KEY, UNAVAILABLE);
      assertThat(FallbackPolicy.CAUSE_KEY).isEqualTo("Fallback_Exception_Cause");
    }

    @Test
    void rethrows_an_exception_that_is_not_listed() {
      // given
      IllegalArgumentException bad = new IllegalArgumentException("bad name");
      QueryProcessor queries =
          Processors.handling(StoreHandler.class, () -> new StoreHandler(bad)).build();
      QueryContext context = new QueryContext();

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada"), context)).isSameAs(bad);
      assertThat(context.bag()).doesNotContainKey(FallbackPolicy.CAUSE_KEY);
    }

    @Test
    void fails_with_the_cause_attached_when_the_handler_defines_no_fallback() {
      // given
      QueryProcessor queries =
          Processors.handling(NoFallbackHandler.class, NoFallbackHandler::new).build();

      // when / then
      assertThatThrownBy(() -> queries.execute(new FindGreeting("Ada")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(NoFallbackHandler.class.getName())
          .hasMessageContaining("defines no fallback")
          .cause()
          .isSameAs(UNAVAILABLE);
    }

    @Test
    void falls_back_only_after_an_inner_retry_gives_up() {
      // given
      AtomicInteger attempts = new AtomicInteger();
      QueryProcessor queries =
          Processors.handling(RetriedHandler.class, () -> new RetriedHandler(attempts))
              .resilience(
                  new ResiliencePipelineRegistry()
                      .register(
                          RetryableQuery.DEFAULT_POLICY,
                          Retry.of(
                              "queries",
                              RetryConfig.custom()
                                  .maxAttempts(3)
                                  .waitDuration(Duration.ZERO)
                                  .build())))
              .build();

      // when
      String greeting = queries.execute(new FindGreeting("Ada"));

      // then
      assertThat(greeting)
          .isEqualTo("fallback after java.lang.IllegalStateException: attempt 3 failed");
      assertThat(attempts).hasValue(3);
    }
  }

  @Nested
  class ExecuteAsync {

    @Test
    void answers_with_the_fallback_and_stores_the_cause_for_a_listed_exception() {
      // given
      QueryProcessor queries =
          Processors.handlingAsync(
                  StoreHandlerAsync.class, () -> new StoreHandlerAsync(UNAVAILABLE))
              .build();
      QueryContext context = new QueryContext();

      // when
      String greeting = queries.executeAsync(new FindGreeting("Ada"), context).join();

      // then
      assertThat(greeting).isEqualTo("Hi, Ada (greetings store unavailable)");
      assertThat(context.bag()).containsEntry(FallbackPolicy.CAUSE_KEY, UNAVAILABLE);
    }

    @Test
    void fails_with_an_exception_that_is_not_listed() {
      // given
      IllegalArgumentException bad = new IllegalArgumentException("bad name");
      QueryProcessor queries =
          Processors.handlingAsync(StoreHandlerAsync.class, () -> new StoreHandlerAsync(bad))
              .build();
      QueryContext context = new QueryContext();

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"), context);

      // then
      assertThatThrownBy(greeting::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isSameAs(bad);
      assertThat(context.bag()).doesNotContainKey(FallbackPolicy.CAUSE_KEY);
    }

    @Test
    void fails_with_the_cause_attached_when_the_handler_defines_no_fallback() {
      // given
      QueryProcessor queries =
          Processors.handlingAsync(NoFallbackHandlerAsync.class, NoFallbackHandlerAsync::new)
              .build();

      // when
      CompletableFuture<String> greeting = queries.executeAsync(new FindGreeting("Ada"));

      // then
      assertThatThrownBy(greeting::join)
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("defines no fallback")
          .cause()
          .isSameAs(UNAVAILABLE);
    }
  }
}
