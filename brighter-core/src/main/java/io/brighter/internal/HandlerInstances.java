package io.brighter.internal;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.handlers.HandlerFactory;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the handlers of one pipeline run through a {@link HandlerFactory}, with errors that name
 * the pipeline, and releases them afterwards. Not part of the public API.
 */
public final class HandlerInstances {

  private static final Logger LOG = LoggerFactory.getLogger(HandlerInstances.class);

  private final HandlerFactory factory;

  /** Instances from {@code factory}. */
  public HandlerInstances(HandlerFactory factory) {
    this.factory = requireNonNull(factory, "factory must not be null");
  }

  /**
   * A new {@code type} for the pipeline of {@code target}.
   *
   * @throws ConfigurationException when the factory fails or returns null
   */
  public Object create(Class<?> type, Class<?> target) {
    return create(creatorFor(type, target), type, target);
  }

  /**
   * The factory's way of making {@code type}, resolved once.
   *
   * @throws ConfigurationException when the factory cannot make that type
   */
  public Supplier<?> creatorFor(Class<?> type, Class<?> target) {
    try {
      return requireNonNull(factory.creatorFor(type), "creatorFor returned null");
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw buildFailure(target, "cannot create " + type.getName(), e);
    }
  }

  /**
   * A new {@code type} from {@code creator}, for the pipeline of {@code target}.
   *
   * @throws ConfigurationException when the creator fails or returns null
   */
  public Object create(Supplier<?> creator, Class<?> type, Class<?> target) {
    Object created;
    try {
      created = creator.get();
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw buildFailure(target, "failed to create " + type.getName(), e);
    }
    if (created == null) {
      throw buildFailure(target, "returned null for " + type.getName(), null);
    }
    return created;
  }

  private static ConfigurationException buildFailure(
      Class<?> target, String what, @Nullable RuntimeException cause) {
    String message =
        "Error when building the pipeline of " + target.getName() + ": the handler factory " + what;
    return cause == null
        ? new ConfigurationException(message)
        : new ConfigurationException(message, cause);
  }

  /** The error for a factory that made {@code created} when asked for a {@code type}. */
  public static ConfigurationException wrongType(Class<?> type, Object created, Class<?> needed) {
    return new ConfigurationException(
        "The handler factory returned a "
            + created.getClass().getName()
            + " for "
            + type.getName()
            + ", which is not a "
            + needed.getSimpleName());
  }

  /** Hands {@code handler} back to the factory; a failure to release is logged, not thrown. */
  public void release(Object handler) {
    try {
      factory.release(handler);
    } catch (RuntimeException e) {
      LOG.warn("Handler factory failed to release {}", handler.getClass().getName(), e);
    }
  }

  /** Releases every instance in {@code lifetime}, skipping empty slots. */
  public void releaseAll(@Nullable Object[] lifetime) {
    for (Object handler : lifetime) {
      if (handler != null) {
        release(handler);
      }
    }
  }
}
