package io.brighter.darker.resilience;

import io.brighter.ConfigurationException;
import io.brighter.darker.QueryContext;
import io.brighter.darker.RetryableQuery;
import io.brighter.resilience.ResiliencePipeline;
import io.brighter.resilience.ResiliencePipelineRegistry;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RetryableQuery} decorator was configured with, and the look-up of the pipeline it
 * names, with errors that say where the name came from.
 *
 * @param annotation the annotation on the handler
 * @param targetHandler the handler it decorates
 */
record RetryPolicy(RetryableQuery annotation, Class<?> targetHandler) {

  /** {@code policy}, or an {@link IllegalStateException} when the decorator was not configured. */
  static RetryPolicy configured(@Nullable RetryPolicy policy) {
    if (policy == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    return policy;
  }

  /**
   * The named pipeline from the context's registry.
   *
   * @throws ConfigurationException when there is no registry or the name is not in it
   */
  ResiliencePipeline pipeline(QueryContext context) {
    ResiliencePipelineRegistry registry =
        context
            .resiliencePipelines()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "@RetryableQuery(policy = \""
                            + annotation.policy()
                            + "\") on "
                            + targetHandler.getName()
                            + " needs a ResiliencePipelineRegistry: pass one to"
                            + " QueryProcessor.builder().resilience(...)"));
    return registry
        .find(annotation.policy())
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "@RetryableQuery on "
                        + targetHandler.getName()
                        + " names policy '"
                        + annotation.policy()
                        + "', which is not in the ResiliencePipelineRegistry; registered: "
                        + registry.names()));
  }
}
