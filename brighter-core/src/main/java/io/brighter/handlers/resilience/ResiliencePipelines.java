package io.brighter.handlers.resilience;

import io.brighter.ConfigurationException;
import io.brighter.RequestContext;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.resilience.ResiliencePipeline;
import io.brighter.resilience.ResiliencePipelineRegistry;

/** Finds the pipeline an annotation names, with errors that say where the name came from. */
final class ResiliencePipelines {

  private ResiliencePipelines() {}

  static ResiliencePipeline lookup(
      RequestContext context, UseResiliencePipeline annotation, Class<?> targetHandler) {
    ResiliencePipelineRegistry registry =
        context
            .resiliencePipelines()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "@UseResiliencePipeline(policy = \""
                            + annotation.policy()
                            + "\") on "
                            + targetHandler.getName()
                            + " needs a ResiliencePipelineRegistry: pass one to"
                            + " CommandProcessor.builder().resilience(...)"));
    return registry
        .find(annotation.policy())
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "@UseResiliencePipeline on "
                        + targetHandler.getName()
                        + " names policy '"
                        + annotation.policy()
                        + "', which is not in the ResiliencePipelineRegistry; registered: "
                        + registry.names()));
  }
}
