package io.brighter.handlers;

import io.brighter.ConfigurationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a handler's pipeline, worked out by reflection once per handler class: which
 * middleware runs before and after the target handler, in order.
 *
 * @param handlerType the target handler class
 * @param async whether the pipeline is asynchronous
 * @param before middleware wrapping the target, outermost (lowest step) first
 * @param after middleware following the target, first to run first
 */
record HandlerBlueprint(
    Class<?> handlerType, boolean async, List<MiddlewareStep> before, List<MiddlewareStep> after) {

  private static final Comparator<MiddlewareStep> BY_STEP =
      Comparator.comparingInt(MiddlewareStep::step);

  HandlerBlueprint {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** Number of handler instances a run of this pipeline creates. */
  int size() {
    return before.size() + 1 + after.size();
  }

  /** Reads the pipeline of {@code handlerType}; a {@link ConfigurationException} if malformed. */
  static HandlerBlueprint of(Class<?> handlerType) {
    boolean async;
    String methodName;
    if (RequestHandler.class.isAssignableFrom(handlerType)) {
      async = false;
      methodName = "handle";
    } else if (RequestHandlerAsync.class.isAssignableFrom(handlerType)) {
      async = true;
      methodName = "handleAsync";
    } else {
      throw new ConfigurationException(
          handlerType.getName()
              + " is registered as a handler but extends neither RequestHandler nor"
              + " RequestHandlerAsync");
    }
    if (Modifier.isAbstract(handlerType.getModifiers())) {
      throw new ConfigurationException(
          "Handler " + handlerType.getName() + " is abstract and cannot be created");
    }
    List<MiddlewareStep> before = new ArrayList<>();
    List<MiddlewareStep> after = new ArrayList<>();
    Method method = handleMethod(handlerType, methodName);
    if (method != null) {
      for (Annotation annotation : method.getAnnotations()) {
        MiddlewareStep step = stepFor(annotation, handlerType, async);
        if (step != null) {
          (step.timing() == HandlerTiming.BEFORE ? before : after).add(step);
        }
      }
    }
    before.sort(BY_STEP);
    after.sort(BY_STEP);
    return new HandlerBlueprint(handlerType, async, before, after);
  }

  /** A readable description of the pipeline, outermost first. */
  String describe() {
    String befores =
        before.stream()
            .map(s -> s.handlerType().getSimpleName() + "(step " + s.step() + ")")
            .collect(Collectors.joining(" -> "));
    String afters =
        after.stream()
            .map(s -> s.handlerType().getSimpleName() + "(step " + s.step() + ")")
            .collect(Collectors.joining(" -> "));
    StringBuilder path = new StringBuilder();
    if (!befores.isEmpty()) {
      path.append(befores).append(" -> ");
    }
    path.append(handlerType.getSimpleName());
    if (!afters.isEmpty()) {
      path.append(" -> ").append(afters);
    }
    return path.toString();
  }

  private static @Nullable Method handleMethod(Class<?> handlerType, String name) {
    for (Class<?> type = handlerType;
        type != RequestHandler.class && type != RequestHandlerAsync.class && type != null;
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

  private static @Nullable MiddlewareStep stepFor(
      Annotation annotation, Class<?> handlerType, boolean async) {
    Class<? extends Annotation> annotationType = annotation.annotationType();
    Middleware middleware = annotationType.getAnnotation(Middleware.class);
    if (middleware == null) {
      return null;
    }
    String where = "@" + annotationType.getSimpleName() + " on " + handlerType.getName();
    Class<?> middlewareType = async ? middleware.asyncHandler() : middleware.handler();
    if (middlewareType == void.class) {
      throw new ConfigurationException(
          where
              + ": the handler is "
              + (async ? "asynchronous" : "synchronous")
              + " but this middleware has only "
              + (async ? "a synchronous" : "an asynchronous")
              + " handler; a pipeline cannot mix synchronous and asynchronous handlers");
    }
    Class<?> expected = async ? RequestHandlerAsync.class : RequestHandler.class;
    if (!expected.isAssignableFrom(middlewareType)) {
      throw new ConfigurationException(
          where
              + ": middleware "
              + middlewareType.getName()
              + " must extend "
              + expected.getSimpleName()
              + "; a pipeline cannot mix synchronous and asynchronous handlers");
    }
    int step = readStep(annotation, where);
    HandlerTiming timing = readTiming(annotation, where);
    return new MiddlewareStep(annotation, middlewareType, step, timing);
  }

  private static int readStep(Annotation annotation, String where) {
    Object step = readMember(annotation, "step", where);
    if (!(step instanceof Integer value)) {
      throw new ConfigurationException(where + ": a middleware annotation needs an int step()");
    }
    return value;
  }

  private static HandlerTiming readTiming(Annotation annotation, String where) {
    try {
      annotation.annotationType().getMethod("timing");
    } catch (NoSuchMethodException absent) {
      return HandlerTiming.BEFORE;
    }
    Object timing = readMember(annotation, "timing", where);
    if (!(timing instanceof HandlerTiming value)) {
      throw new ConfigurationException(where + ": timing() must return a HandlerTiming");
    }
    return value;
  }

  private static @Nullable Object readMember(Annotation annotation, String member, String where) {
    try {
      Method accessor = annotation.annotationType().getMethod(member);
      // A middleware annotation need not be public; without this its members cannot be read.
      accessor.trySetAccessible();
      return accessor.invoke(annotation);
    } catch (NoSuchMethodException e) {
      throw new ConfigurationException(
          where + ": a middleware annotation needs an int " + member + "()", e);
    } catch (ReflectiveOperationException e) {
      throw new ConfigurationException(
          where + ": cannot read " + member + "(); make the annotation public", e);
    }
  }
}
