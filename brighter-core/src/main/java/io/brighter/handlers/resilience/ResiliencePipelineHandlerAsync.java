package io.brighter.handlers.resilience;

import io.brighter.Request;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.resilience.ResiliencePipeline;
import org.jspecify.annotations.Nullable;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by {@link UseResiliencePipeline}; retries wait on the
 * registry's scheduler instead of blocking.
 *
 * @param <T> the request type
 */
public final class ResiliencePipelineHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
    implements ConfiguredBy<UseResiliencePipeline> {

  private @Nullable ResiliencePipeline pipeline;

  @Override
  public void configure(UseResiliencePipeline annotation, Class<?> targetHandler) {
    pipeline = ResiliencePipelines.lookup(context(), annotation, targetHandler);
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
