package io.brighter.darker;

import io.brighter.darker.resilience.RetryableQueryDecorator;
import io.brighter.darker.resilience.RetryableQueryDecoratorAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the rest of the pipeline inside a named resilience pipeline: a Resilience4j retry, circuit
 * breaker, or both, registered in the {@link io.brighter.resilience.ResiliencePipelineRegistry}
 * given to {@link QueryProcessor.Builder#resilience} (or set on the {@link QueryContext}).
 *
 * {@snippet :
 * ResiliencePipelineRegistry resilience = new ResiliencePipelineRegistry()
 *     .register(RetryableQuery.DEFAULT_POLICY, Retry.of("queries", RetryConfig.custom()
 *         .maxAttempts(3).waitDuration(Duration.ofMillis(50)).build()));
 *
 * @Override
 * @RetryableQuery(step = 2)
 * public Greeting execute(FindGreeting query) { ... }
 * }
 *
 * <p>A name that is not registered is a {@link io.brighter.ConfigurationException}, thrown before
 * the handler runs. Asynchronous retries wait on the registry's scheduler, never blocking.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@QueryMiddleware(
    decorator = RetryableQueryDecorator.class,
    asyncDecorator = RetryableQueryDecoratorAsync.class)
public @interface RetryableQuery {

  /** The policy name used when none is given, as in .NET Darker. */
  String DEFAULT_POLICY = "Darker.RetryPolicy";

  /** Position in the pipeline: lower runs first. */
  int step();

  /** The registered name of the resilience pipeline. */
  String policy() default DEFAULT_POLICY;
}
