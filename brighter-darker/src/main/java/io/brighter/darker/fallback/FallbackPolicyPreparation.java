package io.brighter.darker.fallback;

import io.brighter.darker.FallbackPolicy;
import io.brighter.darker.QueryContext;
import io.brighter.handlers.PreparedBy;

/**
 * What both {@link FallbackPolicy} decorators share: the failures the annotation falls back on,
 * read once per handler class.
 */
abstract sealed class FallbackPolicyPreparation
    implements PreparedBy<FallbackPolicy, FallbackTriggers>
    permits FallbackPolicyDecorator, FallbackPolicyDecoratorAsync {

  private FallbackTriggers triggers = FallbackTriggers.NONE;

  @Override
  public final FallbackTriggers prepare(FallbackPolicy annotation, Class<?> targetHandler) {
    return FallbackTriggers.of(annotation);
  }

  @Override
  public final void configure(FallbackTriggers prepared) {
    triggers = prepared;
  }

  /**
   * Whether the policy falls back on {@code failure}; if so, the failure is stored in {@code
   * context}'s bag.
   */
  final boolean catches(Throwable failure, QueryContext context) {
    return triggers.catches(failure, context);
  }
}
