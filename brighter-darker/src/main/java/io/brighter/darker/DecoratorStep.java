package io.brighter.darker;

import io.brighter.internal.MiddlewareSettings;

/**
 * One decorator in a handler's pipeline, read once from its annotation.
 *
 * @param settings the annotation and what configures each new decorator instance
 * @param decoratorType the decorator class to create for this pipeline's flavour
 * @param step lower runs first
 */
record DecoratorStep(MiddlewareSettings settings, Class<?> decoratorType, int step) {}
