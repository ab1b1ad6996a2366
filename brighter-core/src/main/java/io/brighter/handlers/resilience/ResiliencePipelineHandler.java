package io.brighter.handlers.resilience;

import io.brighter.Request;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.resilience.ResiliencePipeline;
import org.jspecify.annotations.Nullable;

/**
 * The handler inserted by {@link UseResiliencePipeline}: runs the rest of the pipeline inside the
 * named {@link ResiliencePipeline}.
 *
 * @param <T> the request type
 */
public final class ResiliencePipelineHandler<T extends Request> extends RequestHandler<T>
    implements ConfiguredBy<UseResiliencePipeline> {

  private @Nullable ResiliencePipeline pipeline;

  @Override
  public void configure(UseResiliencePipeline annotation, Class<?> targetHandler) {
    pipeline = ResiliencePipelines.lookup(context(), annotation, targetHandler);
  }

  @Override
  public T handle(T request) {
    return configured().execute(() -> super.handle(request));
  }

  private ResiliencePipeline configured() {
    ResiliencePipeline configured = pipeline;
    if (configured == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    return configured;
  }
}
