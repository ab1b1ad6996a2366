package io.brighter.handlers;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link HandlerFactory} for code without a container: it builds each handler from a supplier
 * registered for its class, or else from the class's no-argument constructor.
 *
 * {@snippet :
 * GreetingRepository repository = new GreetingRepository();
 * HandlerFactory factory = new SimpleHandlerFactory()
 *     .register(AddGreetingHandler.class, () -> new AddGreetingHandler(repository));
 * }
 *
 * <p>Built-in middleware handlers have no-argument constructors, so they need no registration.
 * Constructors are looked up once per class and then called without reflection. Thread-safe.
 */
public final class SimpleHandlerFactory implements HandlerFactory {

  private final Map<Class<?>, Supplier<?>> registered = new ConcurrentHashMap<>();
  // The look-up on every create: a registered supplier, else the class's constructor.
  private final ClassValue<Supplier<?>> suppliers =
      new ClassValue<>() {
        @Override
        protected Supplier<?> computeValue(Class<?> type) {
          Supplier<?> supplier = registered.get(type);
          return supplier != null ? supplier : constructorOf(type);
        }
      };

  /**
   * Builds {@code handlerType} with {@code supplier}; returns this factory. Register before the
   * first request that needs the handler: a processor resolves each handler type's supplier once.
   */
  public <H> SimpleHandlerFactory register(Class<H> handlerType, Supplier<? extends H> supplier) {
    requireNonNull(handlerType, "handlerType must not be null");
    requireNonNull(supplier, "supplier must not be null");
    registered.put(handlerType, supplier);
    suppliers.remove(handlerType);
    return this;
  }

  @Override
  public Object create(Class<?> handlerType) {
    return suppliers.get(handlerType).get();
  }

  @Override
  public Supplier<?> creatorFor(Class<?> handlerType) {
    return suppliers.get(handlerType);
  }

  private static Supplier<?> constructorOf(Class<?> type) {
    MethodHandle constructor;
    MethodHandles.Lookup lookup;
    try {
      lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new ConfigurationException(
          "Cannot create "
              + type.getName()
              + ": it has no accessible no-argument constructor; register a supplier for it with"
              + " SimpleHandlerFactory.register",
          e);
    }
    try {
      MethodType factoryType = MethodType.methodType(Supplier.class);
      Object supplier =
          LambdaMetafactory.metafactory(
                  lookup,
                  "get",
                  factoryType,
                  MethodType.methodType(Object.class),
                  constructor,
                  MethodType.methodType(type))
              .getTarget()
              .invoke();
      return (Supplier<?>) supplier;
    } catch (Throwable notSpinnable) {
      // Hidden or otherwise unusual classes: fall back to invoking the handle directly.
      return () -> invoke(constructor, type);
    }
  }

  private static Object invoke(MethodHandle constructor, Class<?> type) {
    try {
      return constructor.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new ConfigurationException("Constructor of " + type.getName() + " failed", e);
    }
  }
}
