package io.brighter.handlers;

import io.brighter.internal.MiddlewareSettings;

/**
 * One middleware in a handler's pipeline, read once from its annotation.
 *
 * @param settings the annotation and what configures each new middleware instance
 * @param handlerType the middleware handler class to create for this pipeline's flavour
 * @param step lower runs first
 * @param timing before or after the target handler
 */
record MiddlewareStep(
    MiddlewareSettings settings, Class<?> handlerType, int step, HandlerTiming timing) {}
