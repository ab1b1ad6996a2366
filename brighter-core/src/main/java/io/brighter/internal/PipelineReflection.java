package io.brighter.internal;

import io.brighter.ConfigurationException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The reflection that command and query pipelines share, used once per handler class when its
 * pipeline is first worked out. Not part of the public API.
 */
public final class PipelineReflection {

  private PipelineReflection() {}

  /**
   * The method called {@code name} with one parameter that {@code handlerType} declares or inherits
   * below {@code base}, skipping bridge methods, so that its annotations are the ones the user
   * wrote; null if the handler does not override it.
   */
  public static @Nullable Method handlerMethod(Class<?> handlerType, Class<?> base, String name) {
    for (Class<?> type = handlerType; type != null && type != base; type = type.getSuperclass()) {
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

  /** Fails when {@code handlerType} is abstract, so the factory would never make one. */
  public static void requireConcrete(Class<?> handlerType) {
    if (Modifier.isAbstract(handlerType.getModifiers())) {
      throw new ConfigurationException(
          "Handler " + handlerType.getName() + " is abstract and cannot be created");
    }
  }

  /**
   * The class a middleware annotation names for this pipeline's flavour, checked to be of the
   * {@code expected} kind.
   *
   * @param where the annotation and handler, for messages
   * @param named the class the annotation names; {@code void.class} when it names none
   * @param async whether the pipeline is asynchronous
   * @param expected the type the class must extend or implement
   */
  public static Class<?> middlewareClass(
      String where, Class<?> named, boolean async, Class<?> expected) {
    if (named == void.class) {
      throw new ConfigurationException(
          where
              + ": the handler is "
              + (async ? "asynchronous" : "synchronous")
              + " but this middleware has only "
              + (async ? "a synchronous" : "an asynchronous")
              + " implementation; a pipeline cannot mix synchronous and asynchronous handlers");
    }
    if (!expected.isAssignableFrom(named)) {
      throw new ConfigurationException(
          where
              + ": middleware "
              + named.getName()
              + " must extend "
              + expected.getSimpleName()
              + "; a pipeline cannot mix synchronous and asynchronous handlers");
    }
    return named;
  }

  /** The annotation's {@code int step()}. */
  public static int step(Annotation annotation, String where) {
    Object step = member(annotation, "step", where);
    if (!(step instanceof Integer value)) {
      throw new ConfigurationException(where + ": a middleware annotation needs an int step()");
    }
    return value;
  }

  /** Whether the annotation declares a member called {@code name}. */
  public static boolean hasMember(Annotation annotation, String name) {
    try {
      annotation.annotationType().getMethod(name);
      return true;
    } catch (NoSuchMethodException absent) {
      return false;
    }
  }

  /** The value of the annotation's member {@code name}. */
  public static @Nullable Object member(Annotation annotation, String name, String where) {
    try {
      Method accessor = annotation.annotationType().getMethod(name);
      // A middleware annotation need not be public; without this its members cannot be read.
      accessor.trySetAccessible();
      return accessor.invoke(annotation);
    } catch (NoSuchMethodException e) {
      throw new ConfigurationException(
          where + ": a middleware annotation needs a " + name + "() member", e);
    } catch (ReflectiveOperationException e) {
      throw new ConfigurationException(
          where + ": cannot read " + name + "(); make the annotation public", e);
    }
  }
}
