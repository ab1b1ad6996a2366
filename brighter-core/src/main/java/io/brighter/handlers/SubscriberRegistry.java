package io.brighter.handlers;

import static java.util.Objects.requireNonNull;

import io.brighter.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which handler classes handle which request types. A command needs exactly one registered handler;
 * an event may have any number. Look-ups match the request's exact class.
 *
 * {@snippet :
 * SubscriberRegistry registry = new SubscriberRegistry()
 *     .register(AddGreeting.class, AddGreetingHandler.class)
 *     .register(GreetingAdded.class, SendWelcomeMail.class)
 *     .register(GreetingAdded.class, UpdateStatistics.class)
 *     .registerAsync(RemoveGreeting.class, RemoveGreetingHandlerAsync.class);
 * }
 *
 * <p>Safe to read from many threads while registrations are still being added. Registering the same
 * handler twice for a request type has no further effect.
 */
public final class SubscriberRegistry {

  private final Map<Class<?>, List<Class<?>>> syncHandlers = new ConcurrentHashMap<>();
  private final Map<Class<?>, List<Class<?>>> asyncHandlers = new ConcurrentHashMap<>();

  /** Registers a synchronous handler for {@code requestType}; returns this registry. */
  public <T extends Request> SubscriberRegistry register(
      Class<T> requestType, Class<? extends RequestHandler<T>> handlerType) {
    add(syncHandlers, requestType, handlerType);
    return this;
  }

  /** Registers an asynchronous handler for {@code requestType}; returns this registry. */
  public <T extends Request> SubscriberRegistry registerAsync(
      Class<T> requestType, Class<? extends RequestHandlerAsync<T>> handlerType) {
    add(asyncHandlers, requestType, handlerType);
    return this;
  }

  /** The synchronous handlers registered for exactly {@code requestType}, in registration order. */
  public List<Class<?>> handlersFor(Class<?> requestType) {
    return syncHandlers.getOrDefault(requestType, List.of());
  }

  /** The asynchronous handlers registered for exactly {@code requestType}. */
  public List<Class<?>> asyncHandlersFor(Class<?> requestType) {
    return asyncHandlers.getOrDefault(requestType, List.of());
  }

  /** Every request type with at least one handler, synchronous or asynchronous. */
  public Set<Class<?>> requestTypes() {
    Set<Class<?>> types = ConcurrentHashMap.newKeySet();
    types.addAll(syncHandlers.keySet());
    types.addAll(asyncHandlers.keySet());
    return Set.copyOf(types);
  }

  private static void add(
      Map<Class<?>, List<Class<?>>> handlers, Class<?> requestType, Class<?> handlerType) {
    requireNonNull(requestType, "requestType must not be null");
    requireNonNull(handlerType, "handlerType must not be null");
    handlers.compute(
        requestType,
        (type, existing) -> {
          if (existing == null) {
            return List.of(handlerType);
          }
          if (existing.contains(handlerType)) {
            return existing;
          }
          List<Class<?>> grown = new ArrayList<>(existing);
          grown.add(handlerType);
          return List.copyOf(grown);
        });
  }
}
