package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gzips a message body of {@link #thresholdKiB()} KiB or more on its way out; smaller bodies pass
 * unchanged. The compressed message has content type {@code application/gzip} and keeps the
 * original one in its bag under {@code originalContentType}. Pair it with {@link Decompress}.
 *
 * {@snippet :
 * @Override
 * @Compress(step = 0, thresholdKiB = 4)
 * public Message mapToMessage(Report report, Publication publication) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transform(value = CompressPayloadTransform.class, direction = Transform.Direction.WRAP)
public @interface Compress {

  /** Position among the transforms: lower runs first. */
  int step();

  /** The smallest body, in KiB, that is compressed; 0 compresses every body. */
  int thresholdKiB() default 0;
}
