package io.brighter.internal;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.PreparedBy;
import java.lang.annotation.Annotation;
import org.jspecify.annotations.Nullable;

/**
 * One middleware annotation on one handler, and what configures each new instance of its
 * middleware: the annotation itself for {@link ConfiguredBy}, or for {@link PreparedBy} the
 * settings prepared on the first run and kept for every later one. Not part of the public API.
 */
public final class MiddlewareSettings {

  private final Annotation annotation;
  private final Class<?> targetHandler;
  // Benign race: two first runs may both prepare; they compute equal settings.
  private volatile @Nullable Object prepared;

  /** The settings of {@code annotation} written on {@code targetHandler}. */
  public MiddlewareSettings(Annotation annotation, Class<?> targetHandler) {
    this.annotation = requireNonNull(annotation, "annotation must not be null");
    this.targetHandler = requireNonNull(targetHandler, "targetHandler must not be null");
  }

  /**
   * Settings prepared already, for middleware the framework inserts itself (the global inbox):
   * {@code annotation} stands for the middleware, and {@code prepared} is handed to every {@link
   * PreparedBy} instance without calling {@link PreparedBy#prepare}.
   */
  public MiddlewareSettings(Annotation annotation, Class<?> targetHandler, Object prepared) {
    this(annotation, targetHandler);
    this.prepared = requireNonNull(prepared, "prepared must not be null");
  }

  /** The annotation as written. */
  public Annotation annotation() {
    return annotation;
  }

  /**
   * Hands a new middleware instance its configuration, if it takes any.
   *
   * @throws ConfigurationException when the middleware rejects it or expects another annotation
   */
  // The type arguments of ConfiguredBy and PreparedBy follow the annotation they are declared
  // on and the settings prepare returns; a mismatch is reported.
  @SuppressWarnings("unchecked")
  public void configure(Object middleware) {
    try {
      if (middleware instanceof PreparedBy<?, ?> preparable) {
        ((PreparedBy<?, Object>) preparable).configure(prepared(preparable));
      } else if (middleware instanceof ConfiguredBy<?> configurable) {
        ((ConfiguredBy<Annotation>) configurable).configure(annotation, targetHandler);
      }
    } catch (ClassCastException e) {
      throw new ConfigurationException(
          middleware.getClass().getName()
              + " cannot be configured by @"
              + annotation.annotationType().getSimpleName(),
          e);
    }
  }

  // As above: PreparedBy's first type argument is the annotation it is declared on.
  @SuppressWarnings("unchecked")
  private Object prepared(PreparedBy<?, ?> middleware) {
    Object settings = prepared;
    if (settings == null) {
      settings = ((PreparedBy<Annotation, ?>) middleware).prepare(annotation, targetHandler);
      prepared = requireNonNull(settings, "prepare must not return null");
    }
    return settings;
  }
}
