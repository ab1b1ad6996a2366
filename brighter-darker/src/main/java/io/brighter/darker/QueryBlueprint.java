package io.brighter.darker;

import io.brighter.ConfigurationException;
import io.brighter.internal.MiddlewareSettings;
import io.brighter.internal.PipelineReflection;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a handler's pipeline, worked out by reflection once per handler class: which
 * decorators wrap the handler, outermost first.
 *
 * @param handlerType the handler class
 * @param async whether it is a {@link QueryHandlerAsync}
 * @param decorators the decorators, lowest step (outermost) first; equal steps keep declaration
 *     order
 */
record QueryBlueprint(Class<?> handlerType, boolean async, List<DecoratorStep> decorators) {

  private static final Comparator<DecoratorStep> BY_STEP =
      Comparator.comparingInt(DecoratorStep::step);

  QueryBlueprint {
    decorators = List.copyOf(decorators);
  }

  /** Reads the pipeline of {@code handlerType}; a {@link ConfigurationException} if malformed. */
  static QueryBlueprint of(Class<?> handlerType) {
    boolean async;
    if (QueryHandler.class.isAssignableFrom(handlerType)) {
      async = false;
    } else if (QueryHandlerAsync.class.isAssignableFrom(handlerType)) {
      async = true;
    } else {
      throw new ConfigurationException(
          handlerType.getName()
              + " is registered as a query handler but extends neither QueryHandler nor"
              + " QueryHandlerAsync");
    }
    PipelineReflection.requireConcrete(handlerType);
    List<DecoratorStep> decorators = new ArrayList<>();
    Method method =
        PipelineReflection.handlerMethod(
            handlerType,
            async ? QueryHandlerAsync.class : QueryHandler.class,
            async ? "executeAsync" : "execute");
    if (method != null) {
      for (Annotation annotation : method.getAnnotations()) {
        DecoratorStep step = stepFor(annotation, handlerType, async);
        if (step != null) {
          decorators.add(step);
        }
      }
    }
    decorators.sort(BY_STEP);
    return new QueryBlueprint(handlerType, async, decorators);
  }

  private static @Nullable DecoratorStep stepFor(
      Annotation annotation, Class<?> handlerType, boolean async) {
    QueryMiddleware middleware = annotation.annotationType().getAnnotation(QueryMiddleware.class);
    if (middleware == null) {
      return null;
    }
    String where =
        "@" + annotation.annotationType().getSimpleName() + " on " + handlerType.getName();
    Class<?> decoratorType =
        PipelineReflection.middlewareClass(
            where,
            async ? middleware.asyncDecorator() : middleware.decorator(),
            async,
            async ? QueryDecoratorAsync.class : QueryDecorator.class);
    return new DecoratorStep(
        new MiddlewareSettings(annotation, handlerType),
        decoratorType,
        PipelineReflection.step(annotation, where));
  }
}
