package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gunzips a message body that {@link Compress} compressed, known by its {@code application/gzip}
 * content type or the gzip magic bytes, and restores the original content type. Other bodies pass
 * unchanged.
 *
 * {@snippet :
 * @Override
 * @Decompress(step = 0)
 * public Report mapToRequest(Message message) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transform(value = CompressPayloadTransform.class, direction = Transform.Direction.UNWRAP)
public @interface Decompress {

  /** Position among the transforms: lower runs first. */
  int step();
}
