package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as a message transform, the way {@link io.brighter.handlers.Middleware} marks
 * handler middleware: put on a mapper's {@code mapToMessage} (a {@link Direction#WRAP} transform)
 * or {@code mapToRequest} (an {@link Direction#UNWRAP} one), the annotation adds {@link #value()}
 * to the mapper's pipeline. The annotation must declare {@code int step()}: lower steps run first.
 * A transform implementing {@link io.brighter.handlers.ConfiguredBy} receives the annotation.
 *
 * {@snippet :
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.METHOD)
 * @Transform(value = EncryptTransform.class, direction = Transform.Direction.WRAP)
 * public @interface Encrypt {
 *   int step();
 *   String keyName();
 * }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Transform {

  /**
   * The transform to apply; left as {@code MessageTransform.class} when the annotation names it in
   * a {@code Class<? extends MessageTransform> transform()} member instead, as {@link WrapWith}
   * does.
   */
  Class<? extends MessageTransform> value() default MessageTransform.class;

  /** Which mapper method the annotation belongs on. */
  Direction direction();

  /** The way a message is going. */
  enum Direction {
    /** Out: on {@code mapToMessage}, after the mapper. */
    WRAP,
    /** In: on {@code mapToRequest}, before the mapper. */
    UNWRAP
  }
}
