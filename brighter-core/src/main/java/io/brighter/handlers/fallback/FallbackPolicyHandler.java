package io.brighter.handlers.fallback;

import io.brighter.Request;
import io.brighter.handlers.FallbackPolicy;
import io.brighter.handlers.PreparedRequestHandler;

/**
 * The handler inserted by {@link FallbackPolicy}: when the rest of the pipeline throws a failure
 * the policy catches, stores it in the bag under {@link FallbackPolicy#CAUSE_KEY} and returns the
 * result of the {@code fallback} chain below it.
 *
 * @param <T> the request type
 */
public final class FallbackPolicyHandler<T extends Request>
    extends PreparedRequestHandler<T, FallbackPolicy, FallbackSettings> {

  @Override
  public FallbackSettings prepare(FallbackPolicy annotation, Class<?> targetHandler) {
    return FallbackSettings.of(annotation);
  }

  @Override
  public T handle(T request) {
    try {
      return super.handle(request);
    } catch (RuntimeException failure) {
      if (!settings().catches(failure)) {
        throw failure;
      }
      context().bag().put(FallbackPolicy.CAUSE_KEY, failure);
      return super.fallback(request);
    }
  }
}
