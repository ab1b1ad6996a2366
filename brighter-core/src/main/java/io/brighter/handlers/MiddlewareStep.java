package io.brighter.handlers;

import java.lang.annotation.Annotation;

/**
 * One middleware in a handler's pipeline, read once from its annotation.
 *
 * @param annotation the annotation as written on the handler method
 * @param handlerType the middleware handler class to create for this pipeline's flavour
 * @param step lower runs first
 * @param timing before or after the target handler
 */
record MiddlewareStep(
    Annotation annotation, Class<?> handlerType, int step, HandlerTiming timing) {}
