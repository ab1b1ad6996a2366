package io.brighter.darker;

import io.brighter.ConfigurationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
    if (Modifier.isAbstract(handlerType.getModifiers())) {
      throw new ConfigurationException(
          "Query handler " + handlerType.getName() + " is abstract and cannot be created");
    }
    List<DecoratorStep> decorators = new ArrayList<>();
    Method method = executeMethod(handlerType, async ? "executeAsync" : "execute");
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

  private static @Nullable Method executeMethod(Class<?> handlerType, String name) {
    for (Class<?> type = handlerType;
        type != null && type != QueryHandler.class && type != QueryHandlerAsync.class;
        type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().equals(name)
            && method.getParameterCount() == 1
            && !method.isBridge()
            && !method.isSynthetic()) {
          return method;
        }
      }
    }
    return null;
  }

  private static @Nullable DecoratorStep stepFor(
      Annotation annotation, Class<?> handlerType, boolean async) {
    QueryMiddleware middleware = annotation.annotationType().getAnnotation(QueryMiddleware.class);
    if (middleware == null) {
      return null;
    }
    String where =
        "@" + annotation.annotationType().getSimpleName() + " on " + handlerType.getName();
    Class<?> decoratorType = async ? middleware.asyncDecorator() : middleware.decorator();
    if (decoratorType == void.class) {
      throw new ConfigurationException(
          where
              + ": the handler is "
              + (async ? "asynchronous" : "synchronous")
              + " but this decorator has only "
              + (async ? "a synchronous" : "an asynchronous")
              + " implementation; a pipeline cannot mix synchronous and asynchronous decorators");
    }
    Class<?> expected = async ? QueryDecoratorAsync.class : QueryDecorator.class;
    if (!expected.isAssignableFrom(decoratorType)) {
      throw new ConfigurationException(
          where
              + ": decorator "
              + decoratorType.getName()
              + " must implement "
              + expected.getSimpleName()
              + "; a pipeline cannot mix synchronous and asynchronous decorators");
    }
    return new DecoratorStep(annotation, decoratorType, readStep(annotation, where));
  }

  private static int readStep(Annotation annotation, String where) {
    Object step;
    try {
      Method member = annotation.annotationType().getMethod("step");
      // A decorator annotation need not be public; without this its members cannot be read.
      member.trySetAccessible();
      step = member.invoke(annotation);
    } catch (NoSuchMethodException e) {
      throw new ConfigurationException(
          where + ": a query decorator annotation needs an int step()", e);
    } catch (ReflectiveOperationException e) {
      throw new ConfigurationException(
          where + ": cannot read step(); make the annotation public", e);
    }
    if (!(step instanceof Integer value)) {
      throw new ConfigurationException(
          where + ": a query decorator annotation needs an int step()");
    }
    return value;
  }
}
