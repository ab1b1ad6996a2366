package io.brighter.handlers;

import io.brighter.handlers.resilience.ResiliencePipelineHandler;
import io.brighter.handlers.resilience.ResiliencePipelineHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the rest of the pipeline inside a named resilience pipeline: a Resilience4j retry, circuit
 * breaker, or both, registered in the {@link io.brighter.resilience.ResiliencePipelineRegistry}
 * given to the command processor.
 *
 * {@snippet :
 * @Override
 * @UseResiliencePipeline(policy = "retry-three-times", step = 1)
 * public AddGreeting handle(AddGreeting command) { ... }
 * }
 *
 * <p>A name that is not in the processor's registry is a {@link io.brighter.ConfigurationException}
 * when the processor is built; a registry passed in a request's context is checked before the
 * handler runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(
    handler = ResiliencePipelineHandler.class,
    asyncHandler = ResiliencePipelineHandlerAsync.class)
public @interface UseResiliencePipeline {

  /** The registered name of the resilience pipeline. */
  String policy();

  /** Position in the pipeline: lower runs first. */
  int step();
}
