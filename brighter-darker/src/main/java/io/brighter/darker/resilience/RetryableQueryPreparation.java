package io.brighter.darker.resilience;

import io.brighter.darker.QueryContext;
import io.brighter.darker.RetryableQuery;
import io.brighter.handlers.PreparedBy;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipeline;
import org.jspecify.annotations.Nullable;

/**
 * What both {@link RetryableQuery} decorators share: the policy the annotation names, read once per
 * handler class, and its lookup in the registry a query runs with.
 */
abstract sealed class RetryableQueryPreparation
    implements PreparedBy<RetryableQuery, PolicyReference>
    permits RetryableQueryDecorator, RetryableQueryDecoratorAsync {

  private @Nullable PolicyReference policy;

  @Override
  public final PolicyReference prepare(RetryableQuery annotation, Class<?> targetHandler) {
    return new PolicyReference(annotation.policy(), "@RetryableQuery", targetHandler);
  }

  @Override
  public final void configure(PolicyReference prepared) {
    policy = prepared;
  }

  /** The pipeline the annotation names, from the registry {@code context} runs with. */
  final ResiliencePipeline pipeline(QueryContext context) {
    PolicyReference configured = policy;
    if (configured == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    return configured.lookup(context.resiliencePipelines().orElse(null));
  }
}
