package io.brighter.darker;

import io.brighter.resilience.ResiliencePipelineRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What travels with a query along its pipeline: a bag of values that the handler and its decorators
 * share, and the resilience pipelines that {@link RetryableQuery} looks names up in.
 *
 * <p>The query processor makes a fresh context for every {@code execute}, or uses the one the
 * caller passes in, filling in the processor's resilience registry when the caller set none.
 *
 * {@snippet :
 * QueryContext context = new QueryContext();
 * context.bag().put("tenant", "acme");
 * Greeting greeting = queryProcessor.execute(new FindGreeting(id), context);
 * }
 *
 * <p>The bag is a concurrent map, safe to use from the threads an asynchronous pipeline hops
 * across; like any concurrent map it does not hold {@code null} values.
 */
public final class QueryContext {

  // Made on first use: most executions never touch the bag, and the hot path stays allocation-lean.
  private volatile @Nullable Map<String, Object> bag;
  private @Nullable ResiliencePipelineRegistry resiliencePipelines;

  /** An empty context with no resilience registry. */
  public QueryContext() {}

  QueryContext(@Nullable ResiliencePipelineRegistry resiliencePipelines) {
    this.resiliencePipelines = resiliencePipelines;
  }

  /** The values shared along this pipeline; mutable. */
  public Map<String, Object> bag() {
    Map<String, Object> current = bag;
    if (current == null) {
      synchronized (this) {
        current = bag;
        if (current == null) {
          current = new ConcurrentHashMap<>();
          bag = current;
        }
      }
    }
    return current;
  }

  /** The resilience pipelines that {@link RetryableQuery} looks names up in. */
  public Optional<ResiliencePipelineRegistry> resiliencePipelines() {
    return Optional.ofNullable(resiliencePipelines);
  }

  /** Uses {@code registry} for resilience pipeline look-ups; returns this context. */
  public QueryContext useResiliencePipelines(@Nullable ResiliencePipelineRegistry registry) {
    this.resiliencePipelines = registry;
    return this;
  }

  /** Sets the resilience registry to {@code registry} when this context has none. */
  QueryContext withDefault(@Nullable ResiliencePipelineRegistry registry) {
    if (resiliencePipelines == null) {
      resiliencePipelines = registry;
    }
    return this;
  }

  /** The exception a {@link FallbackPolicy} caught in this pipeline, if any. */
  @Nullable Throwable fallbackCause() {
    Map<String, Object> current = bag;
    return current != null && current.get(FallbackPolicy.CAUSE_KEY) instanceof Throwable cause
        ? cause
        : null;
  }

  @Override
  public String toString() {
    Map<String, Object> current = bag;
    return "QueryContext" + (current == null ? "{}" : current);
  }
}
