package io.brighter.darker;

import java.lang.annotation.Annotation;

/**
 * One decorator in a handler's pipeline, read once from its annotation.
 *
 * @param annotation the annotation as written on the handler method
 * @param decoratorType the decorator class to create for this pipeline's flavour
 * @param step lower runs first
 */
record DecoratorStep(Annotation annotation, Class<?> decoratorType, int step) {}
