package io.brighter.handlers.resilience;

import io.brighter.Request;
import io.brighter.handlers.PreparedBy;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipeline;
import org.jspecify.annotations.Nullable;

/**
 * The handler inserted by {@link UseResiliencePipeline}: runs the rest of the pipeline inside the
 * named {@link ResiliencePipeline}.
 *
 * @param <T> the request type
 */
public final class ResiliencePipelineHandler<T extends Request> extends RequestHandler<T>
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
