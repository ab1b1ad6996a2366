package io.brighter.resilience;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * A resilience pipeline named by an annotation on a handler, with look-up errors that say where the
 * name came from. Middleware such as {@code @UseResiliencePipeline} and Darker's
 * {@code @RetryableQuery} resolve it against the registry of each run's context.
 *
 * {@snippet :
 * PolicyReference reference =
 *     new PolicyReference("greetings-retry", "@UseResiliencePipeline", AddGreetingHandler.class);
 * ResiliencePipeline pipeline = reference.lookup(registry);
 * }
 *
 * @param policy the registered name
 * @param annotation how the name was given, for messages, e.g. {@code "@UseResiliencePipeline"}
 * @param targetHandler the handler whose annotation names the policy
 */
public record PolicyReference(String policy, String annotation, Class<?> targetHandler) {

  /** Checks the parts are present. */
  public PolicyReference {
    requireNonNull(policy, "policy must not be null");
    requireNonNull(annotation, "annotation must not be null");
    requireNonNull(targetHandler, "targetHandler must not be null");
  }

  /**
   * The named pipeline in {@code registry}.
   *
   * @throws ConfigurationException when there is no registry or the name is not in it
   */
  public ResiliencePipeline lookup(@Nullable ResiliencePipelineRegistry registry) {
    if (registry == null) {
      throw new ConfigurationException(
          annotation
              + "(policy = \""
              + policy
              + "\") on "
              + targetHandler.getName()
              + " needs a ResiliencePipelineRegistry: pass one to the processor's builder with"
              + " .resilience(...)");
    }
    ResiliencePipeline pipeline = registry.find(policy).orElse(null);
    if (pipeline == null) {
      throw new ConfigurationException(
          annotation
              + " on "
              + targetHandler.getName()
              + " names policy '"
              + policy
              + "', which is not in the ResiliencePipelineRegistry; registered: "
              + registry.names());
    }
    return pipeline;
  }
}
