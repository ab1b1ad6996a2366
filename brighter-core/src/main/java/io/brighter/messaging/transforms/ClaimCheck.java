package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Moves a message body of {@link #thresholdKiB()} KiB or more into the pipeline's {@link
 * LuggageStore} on its way out, sending an empty body with the claim id in the header's {@code
 * dataRef} and in its bag under {@code claim_check_header}. Smaller bodies pass unchanged. Pair it
 * with {@link RetrieveClaim}; the pipeline must be given a store.
 *
 * {@snippet :
 * @Override
 * @ClaimCheck(step = 0, thresholdKiB = 256)
 * public Message mapToMessage(Scan scan, Publication publication) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transform(value = ClaimCheckTransform.class, direction = Transform.Direction.WRAP)
public @interface ClaimCheck {

  /** Position among the transforms: lower runs first. */
  int step();

  /** The smallest body, in KiB, that is checked into the store; 5 by default. */
  int thresholdKiB() default 5;
}
