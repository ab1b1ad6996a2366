package io.brighter.messaging.transforms;

import io.brighter.ConfigurationException;
import io.brighter.messaging.MessageBody;
import java.lang.annotation.Annotation;

/** The size rules and configuration errors the built-in transforms share. */
final class BuiltInTransforms {

  private BuiltInTransforms() {}

  /** {@code kib} in bytes, checked not to be negative. */
  static int bytes(int kib, String annotation, Class<?> mapper) {
    if (kib < 0) {
      throw new ConfigurationException(
          "@" + annotation + " on " + mapper.getName() + " needs a thresholdKiB of 0 or more");
    }
    return Math.multiplyExact(kib, 1024);
  }

  /** Whether {@code body} is too small (or empty) for a transform with this threshold. */
  static boolean below(MessageBody body, int thresholdBytes) {
    return body.size() == 0 || body.size() < thresholdBytes;
  }

  /** The failure for a transform configured by an annotation it does not know. */
  static ConfigurationException unexpected(MessageTransform transform, Annotation annotation) {
    return new ConfigurationException(
        transform.getClass().getSimpleName() + " cannot be configured by " + annotation);
  }
}
