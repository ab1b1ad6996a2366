package io.brighter;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/** Reads the reply type a {@link Call} class declares, once per class. */
final class ReplyTypes {

  private static final ClassValue<Class<?>> REPLY_TYPES =
      new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> callType) {
          Class<?> reply = find(callType);
          if (reply == null) {
            throw new ConfigurationException(
                callType.getName()
                    + " must implement Call<R> with a concrete reply class R, e.g."
                    + " `implements Call<GreetingReply>`");
          }
          return reply;
        }
      };

  private ReplyTypes() {}

  /** The reply class {@code callType} declares. */
  // The value was read from the Call<R> the class implements, so it is R's class.
  @SuppressWarnings("unchecked")
  static <R extends Request> Class<R> of(Class<?> callType) {
    return (Class<R>) REPLY_TYPES.get(callType);
  }

  private static @Nullable Class<?> find(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Type candidate : current.getGenericInterfaces()) {
        if (candidate instanceof ParameterizedType parameterized
            && parameterized.getRawType() == Call.class
            && parameterized.getActualTypeArguments()[0] instanceof Class<?> reply) {
          return reply;
        }
      }
    }
    return null;
  }
}
