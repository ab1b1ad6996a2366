package io.brighter.resilience;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Named resilience pipelines for {@code @UseResiliencePipeline} and Darker's
 * {@code @RetryableQuery}. Registering a {@link Retry} and a {@link CircuitBreaker} under the same
 * name makes one pipeline of both; see {@link ResiliencePipeline} for how they nest.
 *
 * {@snippet :
 * ResiliencePipelineRegistry registry = new ResiliencePipelineRegistry()
 *     .register("greetings", Retry.of("greetings", RetryConfig.custom().maxAttempts(3).build()))
 *     .register("greetings", CircuitBreaker.ofDefaults("greetings"));
 * }
 *
 * <p>Asynchronous retries wait on a scheduler: the one given to the constructor, else one of the
 * registry's own, started the first time a retry waits, on a virtual thread that ends when idle.
 * Registries share nothing. Thread-safe.
 */
public final class ResiliencePipelineRegistry {

  private final Map<String, ResiliencePipeline> pipelines = new ConcurrentHashMap<>();
  private final Supplier<ScheduledExecutorService> retryScheduler;

  /** A registry whose asynchronous retries wait on a scheduler of its own. */
  public ResiliencePipelineRegistry() {
    this.retryScheduler = new OwnedRetryScheduler();
  }

  /**
   * A registry whose asynchronous retries wait on {@code retryScheduler}, which the caller owns.
   */
  public ResiliencePipelineRegistry(ScheduledExecutorService retryScheduler) {
    requireNonNull(retryScheduler, "retryScheduler must not be null");
    this.retryScheduler = () -> retryScheduler;
  }

  /** Adds {@code retry} to the pipeline called {@code name}; returns this registry. */
  public ResiliencePipelineRegistry register(String name, Retry retry) {
    requireNonNull(retry, "retry must not be null");
    return add(name, retry, null);
  }

  /** Adds {@code circuitBreaker} to the pipeline called {@code name}; returns this registry. */
  public ResiliencePipelineRegistry register(String name, CircuitBreaker circuitBreaker) {
    requireNonNull(circuitBreaker, "circuitBreaker must not be null");
    return add(name, null, circuitBreaker);
  }

  /** The pipeline called {@code name}, if registered. */
  public Optional<ResiliencePipeline> find(String name) {
    return Optional.ofNullable(pipelines.get(name));
  }

  /**
   * The pipeline called {@code name}.
   *
   * @throws ConfigurationException naming the missing pipeline and the ones that exist
   */
  public ResiliencePipeline get(String name) {
    ResiliencePipeline pipeline = pipelines.get(name);
    if (pipeline == null) {
      throw new ConfigurationException(
          "No resilience pipeline named '"
              + name
              + "' is registered; registered names: "
              + names());
    }
    return pipeline;
  }

  /** The registered names. */
  public Set<String> names() {
    return Set.copyOf(pipelines.keySet());
  }

  private ResiliencePipelineRegistry add(
      String name, @Nullable Retry retry, @Nullable CircuitBreaker circuitBreaker) {
    requireNonNull(name, "name must not be null");
    pipelines.compute(
        name,
        (key, existing) ->
            existing == null
                ? new ResiliencePipeline(key, retry, circuitBreaker, retryScheduler)
                : existing.with(retry, circuitBreaker));
    return this;
  }
}
