package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fetches the body that {@link ClaimCheck} left in the pipeline's {@link LuggageStore} back into a
 * message on its way in, clears the claim from the header, and deletes the luggage unless {@link
 * #retain()}. Messages without a claim pass unchanged; a claim the store does not hold makes the
 * message invalid ({@link io.brighter.actions.InvalidMessageAction}).
 *
 * {@snippet :
 * @Override
 * @RetrieveClaim(step = 0)
 * public Scan mapToRequest(Message message) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transform(value = ClaimCheckTransform.class, direction = Transform.Direction.UNWRAP)
public @interface RetrieveClaim {

  /** Position among the transforms: lower runs first. */
  int step();

  /** Keep the luggage in the store after retrieving it (for other consumers); false by default. */
  boolean retain() default false;
}
