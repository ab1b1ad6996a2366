package io.brighter.messaging;

import io.brighter.ConfigurationException;
import io.brighter.messaging.transforms.LuggageStore;
import io.brighter.messaging.transforms.MessageTransform;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The transforms of one mapper class for one {@link MessagePipeline}: created and configured once,
 * then applied to every message with no reflection.
 *
 * @param wrap applied in order after the mapper
 * @param unwrap applied in order before the mapper
 */
record ResolvedTransforms(List<MessageTransform> wrap, List<MessageTransform> unwrap) {

  ResolvedTransforms {
    wrap = List.copyOf(wrap);
    unwrap = List.copyOf(unwrap);
  }

  /** Creates and configures the transforms {@code blueprint} names. */
  static ResolvedTransforms of(
      TransformBlueprint blueprint, Class<?> mapperType, @Nullable LuggageStore luggageStore) {
    return new ResolvedTransforms(
        blueprint.wrap().stream().map(step -> create(step, mapperType, luggageStore)).toList(),
        blueprint.unwrap().stream().map(step -> create(step, mapperType, luggageStore)).toList());
  }

  Message wrap(Message message, Publication publication) {
    Message wrapped = message;
    for (MessageTransform transform : wrap) {
      wrapped = transform.wrap(wrapped, publication);
    }
    return wrapped;
  }

  Message unwrap(Message message) {
    Message unwrapped = message;
    for (MessageTransform transform : unwrap) {
      unwrapped = transform.unwrap(unwrapped);
    }
    return unwrapped;
  }

  private static MessageTransform create(
      TransformBlueprint.Step step, Class<?> mapperType, @Nullable LuggageStore luggageStore) {
    Class<?> type = step.transformType();
    String where =
        "@"
            + step.settings().annotation().annotationType().getSimpleName()
            + " on "
            + mapperType.getName();
    Object created;
    try {
      Constructor<?> withStore = constructor(type, LuggageStore.class);
      if (withStore != null) {
        if (luggageStore == null) {
          throw new ConfigurationException(
              where
                  + " needs a LuggageStore; build the MessagePipeline with"
                  + " MessagePipeline.builder().luggageStore(...)");
        }
        created = withStore.newInstance(luggageStore);
      } else {
        Constructor<?> noArguments = constructor(type);
        if (noArguments == null) {
          throw new ConfigurationException(
              where
                  + ": "
                  + type.getName()
                  + " needs a constructor taking no arguments or a LuggageStore");
        }
        created = noArguments.newInstance();
      }
    } catch (InvocationTargetException e) {
      throw new ConfigurationException(
          where + ": cannot create " + type.getName(), e.getCause() != null ? e.getCause() : e);
    } catch (ReflectiveOperationException e) {
      throw new ConfigurationException(where + ": cannot create " + type.getName(), e);
    }
    step.settings().configure(created);
    return (MessageTransform) created;
  }

  private static @Nullable Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameters);
      // Built-in transforms are package-private, and so may a user's be.
      constructor.trySetAccessible();
      return constructor;
    } catch (NoSuchMethodException absent) {
      return null;
    }
  }
}
