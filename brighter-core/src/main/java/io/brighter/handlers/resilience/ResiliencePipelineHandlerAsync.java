package io.brighter.handlers.resilience;

import io.brighter.Request;
import io.brighter.handlers.PreparedBy;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipeline;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous handler inserted by {@link UseResiliencePipeline}; retries wait on the
 * registry's scheduler instead of blocking.
 *
 * @param <T> the request type
 */
public final class ResiliencePipelineHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
    implements PreparedBy<UseResiliencePipeline, PolicyReference> {

  private @Nullable ResiliencePipeline pipeline;

  @Override
  public PolicyReference prepare(UseResiliencePipeline annotation, Class<?> targetHandler) {
    return new PolicyReference(annotation.policy(), "@UseResiliencePipeline", targetHandler);
  }

  @Override
  public void configure(PolicyReference policy) {
    pipeline = policy.lookup(context().resiliencePipelines().orElse(null));
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    return configured().executeAsync(() -> super.handleAsync(request));
  }

  private ResiliencePipeline configured() {
    ResiliencePipeline configured = pipeline;
    if (configured == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    return configured;
  }
}
