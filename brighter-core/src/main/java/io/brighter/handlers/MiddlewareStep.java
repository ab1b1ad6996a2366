package io.brighter.handlers;

import java.lang.annotation.Annotation;
import org.jspecify.annotations.Nullable;

/**
 * One middleware in a handler's pipeline, read once from its annotation, with the settings a
 * {@link PreparedBy} middleware computed for it on its first run.
 */
final class MiddlewareStep {

  private final Annotation annotation;
  private final Class<?> handlerType;
  private final int step;
  private final HandlerTiming timing;
  // Benign race: two first runs may both prepare; they compute equal settings.
  private volatile @Nullable Object prepared;

  /**
   * @param annotation the annotation as written on the handler method
   * @param handlerType the middleware handler class to create for this pipeline's flavour
   * @param step lower runs first
   * @param timing before or after the target handler
   */
  MiddlewareStep(Annotation annotation, Class<?> handlerType, int step, HandlerTiming timing) {
    this.annotation = annotation;
    this.handlerType = handlerType;
    this.step = step;
    this.timing = timing;
  }

  Annotation annotation() {
    return annotation;
  }

  Class<?> handlerType() {
    return handlerType;
  }

  int step() {
    return step;
  }

  HandlerTiming timing() {
    return timing;
  }

  /** The settings a {@link PreparedBy} middleware computed, made on the first call. */
  // PreparedBy's first type argument is the annotation it is declared on; a mismatch is reported.
  @SuppressWarnings("unchecked")
  Object preparedBy(PreparedBy<?, ?> middleware, Class<?> target) {
    Object settings = prepared;
    if (settings == null) {
      settings = ((PreparedBy<Annotation, ?>) middleware).prepare(annotation, target);
      prepared = settings;
    }
    return settings;
  }
}
