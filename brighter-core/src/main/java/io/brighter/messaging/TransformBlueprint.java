package io.brighter.messaging;

import io.brighter.ConfigurationException;
import io.brighter.internal.MiddlewareSettings;
import io.brighter.internal.PipelineReflection;
import io.brighter.messaging.transforms.MessageTransform;
import io.brighter.messaging.transforms.Transform;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transforms a mapper class declares, read by reflection once per class: those on {@code
 * mapToMessage} (or {@code mapToMessageAsync}) to wrap and those on {@code mapToRequest} (or {@code
 * mapToRequestAsync}) to unwrap, each in ascending step, equal steps in declaration order.
 *
 * @param wrap the wrapping transforms, first to run first
 * @param unwrap the unwrapping transforms, first to run first
 */
record TransformBlueprint(
    List<TransformBlueprint.Step> wrap, List<TransformBlueprint.Step> unwrap) {

  private static final Comparator<Step> BY_STEP = Comparator.comparingInt(Step::step);

  /**
   * One transform annotation on a mapper.
   *
   * @param settings the annotation and what configures the transform
   * @param transformType the transform class to create
   * @param step lower runs first
   */
  record Step(MiddlewareSettings settings, Class<?> transformType, int step) {}

  TransformBlueprint {
    wrap = List.copyOf(wrap);
    unwrap = List.copyOf(unwrap);
  }

  /** Reads the transforms of {@code mapperType}; a {@link ConfigurationException} if malformed. */
  static TransformBlueprint of(Class<?> mapperType) {
    return new TransformBlueprint(
        steps(mapperType, "mapToMessage", Transform.Direction.WRAP),
        steps(mapperType, "mapToRequest", Transform.Direction.UNWRAP));
  }

  private static List<Step> steps(
      Class<?> mapperType, String methodName, Transform.Direction direction) {
    List<Step> steps = new ArrayList<>();
    for (Method method : methods(mapperType, methodName)) {
      for (Annotation annotation : transformAnnotations(method.getAnnotations(), mapperType)) {
        steps.add(step(annotation, mapperType, methodName, direction));
      }
    }
    steps.sort(BY_STEP);
    return steps;
  }

  private static Step step(
      Annotation annotation,
      Class<?> mapperType,
      String methodName,
      Transform.Direction direction) {
    Transform transform = annotation.annotationType().getAnnotation(Transform.class);
    String where =
        "@" + annotation.annotationType().getSimpleName() + " on " + mapperType.getName();
    if (transform.direction() != direction) {
      throw new ConfigurationException(
          where
              + ": a "
              + transform.direction()
              + " transform cannot go on "
              + methodName
              + "; wrapping transforms go on mapToMessage, unwrapping ones on mapToRequest");
    }
    Class<?> transformType =
        PipelineReflection.hasMember(annotation, "transform")
                && PipelineReflection.member(annotation, "transform", where)
                    instanceof Class<?> named
            ? named
            : transform.value();
    if (transformType == MessageTransform.class
        || !MessageTransform.class.isAssignableFrom(transformType)
        || transformType.isInterface()
        || Modifier.isAbstract(transformType.getModifiers())) {
      throw new ConfigurationException(
          where + ": " + transformType.getName() + " is not a concrete MessageTransform");
    }
    return new Step(
        new MiddlewareSettings(annotation, mapperType),
        transformType,
        PipelineReflection.step(annotation, where));
  }

  /** The annotations marked {@link Transform}, with repeated ones taken out of their container. */
  private static List<Annotation> transformAnnotations(Annotation[] annotations, Class<?> mapper) {
    List<Annotation> found = new ArrayList<>();
    for (Annotation annotation : annotations) {
      if (annotation.annotationType().isAnnotationPresent(Transform.class)) {
        found.add(annotation);
      } else if (isContainer(annotation)) {
        String where =
            "@" + annotation.annotationType().getSimpleName() + " on " + mapper.getName();
        found.addAll(List.of((Annotation[]) PipelineReflection.member(annotation, "value", where)));
      }
    }
    return found;
  }

  private static boolean isContainer(Annotation annotation) {
    try {
      Class<?> value = annotation.annotationType().getMethod("value").getReturnType();
      return value.isArray() && value.getComponentType().isAnnotationPresent(Transform.class);
    } catch (NoSuchMethodException noValue) {
      return false;
    }
  }

  /**
   * The methods called {@code name} (or {@code name + "Async"}) of the most derived class of {@code
   * mapperType} that declares any, skipping bridges, so that their annotations are the ones the
   * user wrote.
   */
  private static List<Method> methods(Class<?> mapperType, String name) {
    for (Class<?> type = mapperType;
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      List<Method> declared = new ArrayList<>();
      for (Method method : type.getDeclaredMethods()) {
        if ((method.getName().equals(name) || method.getName().equals(name + "Async"))
            && !method.isBridge()
            && !method.isSynthetic()) {
          declared.add(method);
        }
      }
      if (!declared.isEmpty()) {
        return declared;
      }
    }
    return List.of();
  }
}
