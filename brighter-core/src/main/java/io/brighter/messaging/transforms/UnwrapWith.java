package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies a {@link MessageTransform} of your own before the mapper reads the message; put it on the
 * mapper's {@code mapToRequest}. Repeat it for several transforms; lower steps run first.
 *
 * {@snippet :
 * @UnwrapWith(step = 0, transform = Shout.class)
 * public Shouted mapToRequest(Message message) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(UnwrapWith.List.class)
@Transform(direction = Transform.Direction.UNWRAP)
public @interface UnwrapWith {

  /** Position among the transforms: lower runs first. */
  int step();

  /** The transform to apply. */
  Class<? extends MessageTransform> transform();

  /** Holds repeated {@link UnwrapWith} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    /** The repeated annotations. */
    UnwrapWith[] value();
  }
}
