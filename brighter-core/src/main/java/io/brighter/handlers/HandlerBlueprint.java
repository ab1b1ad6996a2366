package io.brighter.handlers;

import io.brighter.ConfigurationException;
import io.brighter.internal.MiddlewareSettings;
import io.brighter.internal.PipelineReflection;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
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
    PipelineReflection.requireConcrete(handlerType);
    List<MiddlewareStep> before = new ArrayList<>();
    List<MiddlewareStep> after = new ArrayList<>();
    Method method =
        PipelineReflection.handlerMethod(
            handlerType, async ? RequestHandlerAsync.class : RequestHandler.class, methodName);
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

  private static @Nullable MiddlewareStep stepFor(
      Annotation annotation, Class<?> handlerType, boolean async) {
    Class<? extends Annotation> annotationType = annotation.annotationType();
    Middleware middleware = annotationType.getAnnotation(Middleware.class);
    if (middleware == null) {
      return null;
    }
    String where = "@" + annotationType.getSimpleName() + " on " + handlerType.getName();
    Class<?> middlewareType =
        PipelineReflection.middlewareClass(
            where,
            async ? middleware.asyncHandler() : middleware.handler(),
            async,
            async ? RequestHandlerAsync.class : RequestHandler.class);
    int step = PipelineReflection.step(annotation, where);
    return new MiddlewareStep(
        new MiddlewareSettings(annotation, handlerType),
        middlewareType,
        step,
        timing(annotation, where));
  }

  private static HandlerTiming timing(Annotation annotation, String where) {
    if (!PipelineReflection.hasMember(annotation, "timing")) {
      return HandlerTiming.BEFORE;
    }
    if (!(PipelineReflection.member(annotation, "timing", where) instanceof HandlerTiming value)) {
      throw new ConfigurationException(where + ": timing() must return a HandlerTiming");
    }
    return value;
  }
}
