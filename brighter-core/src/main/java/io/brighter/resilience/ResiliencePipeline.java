package io.brighter.resilience;

import static java.util.Objects.requireNonNull;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A named combination of a Resilience4j {@link Retry} and {@link CircuitBreaker}, either of which
 * may be absent. A call runs as {@code Retry(CircuitBreaker(call))}: every attempt the retry makes
 * is counted by the circuit breaker, and once the circuit opens further attempts fail fast with
 * {@code CallNotPermittedException}.
 *
 * <p>Made by {@link ResiliencePipelineRegistry#register}; thread-safe.
 */
public final class ResiliencePipeline {

  private final String name;
  private final @Nullable Retry retry;
  private final @Nullable CircuitBreaker circuitBreaker;
  private final Supplier<ScheduledExecutorService> retryScheduler;

  ResiliencePipeline(
      String name,
      @Nullable Retry retry,
      @Nullable CircuitBreaker circuitBreaker,
      Supplier<ScheduledExecutorService> retryScheduler) {
    this.name = requireNonNull(name, "name must not be null");
    this.retry = retry;
    this.circuitBreaker = circuitBreaker;
    this.retryScheduler = retryScheduler;
  }

  /** The registered name. */
  public String name() {
    return name;
  }

  /** The retry strategy, if any. */
  public Optional<Retry> retry() {
    return Optional.ofNullable(retry);
  }

  /** The circuit breaker, if any. */
  public Optional<CircuitBreaker> circuitBreaker() {
    return Optional.ofNullable(circuitBreaker);
  }

  ResiliencePipeline with(@Nullable Retry newRetry, @Nullable CircuitBreaker newCircuitBreaker) {
    return new ResiliencePipeline(
        name,
        newRetry != null ? newRetry : retry,
        newCircuitBreaker != null ? newCircuitBreaker : circuitBreaker,
        retryScheduler);
  }

  /** Runs {@code call} through the circuit breaker and retry; their exceptions propagate. */
  public <T> T execute(Supplier<T> call) {
    Supplier<T> decorated = call;
    if (circuitBreaker != null) {
      decorated = CircuitBreaker.decorateSupplier(circuitBreaker, decorated);
    }
    if (retry != null) {
      decorated = Retry.decorateSupplier(retry, decorated);
    }
    return decorated.get();
  }

  /**
   * Runs an asynchronous {@code call} through the circuit breaker and retry. Retries wait on the
   * registry's scheduler, never blocking a thread.
   */
  public <T> CompletableFuture<T> executeAsync(Supplier<? extends CompletionStage<T>> call) {
    Supplier<CompletionStage<T>> decorated = () -> invoke(call);
    if (circuitBreaker != null) {
      decorated = CircuitBreaker.decorateCompletionStage(circuitBreaker, decorated);
    }
    if (retry != null) {
      decorated = Retry.decorateCompletionStage(retry, retryScheduler.get(), decorated);
    }
    return invoke(decorated).toCompletableFuture();
  }

  private static <T> CompletionStage<T> invoke(Supplier<? extends CompletionStage<T>> call) {
    try {
      CompletionStage<T> stage = call.get();
      return stage != null
          ? stage
          : CompletableFuture.failedFuture(new IllegalStateException("call returned null"));
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "ResiliencePipeline["
        + name
        + ", retry="
        + (retry != null)
        + ", circuitBreaker="
        + (circuitBreaker != null)
        + "]";
  }
}
