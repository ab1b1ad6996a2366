package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies a {@link MessageTransform} of your own after the mapper writes the message; put it on the
 * mapper's {@code mapToMessage}. Repeat it for several transforms; lower steps run first.
 *
 * {@snippet :
 * @WrapWith(step = 0, transform = Shout.class)
 * public Message mapToMessage(Shouted request, Publication publication) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(WrapWith.List.class)
@Transform(direction = Transform.Direction.WRAP)
public @interface WrapWith {

  /** Position among the transforms: lower runs first. */
  int step();

  /** The transform to apply. */
  Class<? extends MessageTransform> transform();

  /** Holds repeated {@link WrapWith} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    /** The repeated annotations. */
    WrapWith[] value();
  }
}
