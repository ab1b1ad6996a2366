package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reads an incoming structured CloudEvent (content type {@code application/cloudevents+json}): the
 * envelope's attributes go to the header and its data becomes the body, with the envelope's {@code
 * datacontenttype}. Other messages, binary-mode CloudEvents among them, pass unchanged. A malformed
 * envelope makes the message invalid ({@link io.brighter.actions.InvalidMessageAction}).
 *
 * {@snippet :
 * @Override
 * @ReadFromCloudEvents(step = 0)
 * public GreetingAdded mapToRequest(Message message) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transform(value = CloudEventsTransform.class, direction = Transform.Direction.UNWRAP)
public @interface ReadFromCloudEvents {

  /** Position among the transforms: lower runs first. */
  int step();
}
