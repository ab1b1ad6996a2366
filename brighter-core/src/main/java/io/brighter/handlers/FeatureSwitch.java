package io.brighter.handlers;

import io.brighter.handlers.featureswitch.FeatureSwitchHandler;
import io.brighter.handlers.featureswitch.FeatureSwitchHandlerAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns a handler on or off. With {@link FeatureSwitchStatus#CONFIG} the {@link
 * io.brighter.featureswitch.FeatureSwitchRegistry} in the request context decides for each request,
 * by the handler's class.
 *
 * {@snippet :
 * @Override
 * @FeatureSwitch(config = FeatureSwitchStatus.CONFIG, step = 1)
 * public AddGreeting handle(AddGreeting command) { ... }
 * }
 *
 * <p>When off, the rest of the pipeline is skipped and the request returned as it is, or, with
 * {@code dontAck = true}, a {@link io.brighter.actions.DontAckAction} is thrown so a consumer
 * leaves the message on its channel for later.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = FeatureSwitchHandler.class, asyncHandler = FeatureSwitchHandlerAsync.class)
public @interface FeatureSwitch {

  /** Whether the handler runs: on, off, or as the registry says. */
  FeatureSwitchStatus config() default FeatureSwitchStatus.CONFIG;

  /** Throw {@link io.brighter.actions.DontAckAction} instead of skipping silently when off. */
  boolean dontAck() default false;

  /** Position in the pipeline: lower runs first. */
  int step();

  /** Before or after the target handler; before by default. */
  HandlerTiming timing() default HandlerTiming.BEFORE;
}
