package io.brighter.darker;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which handler answers which query type: at most one synchronous and one asynchronous handler per
 * query type. Look-ups match the query's exact class.
 *
 * {@snippet :
 * QueryHandlerRegistry registry = new QueryHandlerRegistry()
 *     .register(FindGreeting.class, FindGreetingHandler.class)
 *     .registerAsync(FindGreetings.class, FindGreetingsHandlerAsync.class);
 * }
 *
 * <p>Registering the same handler twice has no further effect; registering a second, different
 * handler for a query type is a {@link ConfigurationException}. Safe to read from many threads
 * while registrations are still being added.
 */
public final class QueryHandlerRegistry {

  private final Map<Class<?>, Class<?>> handlers = new ConcurrentHashMap<>();
  private final Map<Class<?>, Class<?>> asyncHandlers = new ConcurrentHashMap<>();

  /**
   * Registers the synchronous handler of {@code queryType}; returns this registry.
   *
   * @throws ConfigurationException when another synchronous handler is registered for it
   */
  public <Q extends Query<R>, R> QueryHandlerRegistry register(
      Class<Q> queryType, Class<? extends QueryHandler<Q, R>> handlerType) {
    add(handlers, queryType, handlerType, "register");
    return this;
  }

  /**
   * Registers the asynchronous handler of {@code queryType}; returns this registry.
   *
   * @throws ConfigurationException when another asynchronous handler is registered for it
   */
  public <Q extends Query<R>, R> QueryHandlerRegistry registerAsync(
      Class<Q> queryType, Class<? extends QueryHandlerAsync<Q, R>> handlerType) {
    add(asyncHandlers, queryType, handlerType, "registerAsync");
    return this;
  }

  /** The synchronous handler registered for exactly {@code queryType}, if any. */
  public Optional<Class<?>> handlerFor(Class<?> queryType) {
    return Optional.ofNullable(handlers.get(queryType));
  }

  /** The asynchronous handler registered for exactly {@code queryType}, if any. */
  public Optional<Class<?>> asyncHandlerFor(Class<?> queryType) {
    return Optional.ofNullable(asyncHandlers.get(queryType));
  }

  /** Every query type with a handler, synchronous or asynchronous. */
  public Set<Class<?>> queryTypes() {
    Set<Class<?>> types = ConcurrentHashMap.newKeySet();
    types.addAll(handlers.keySet());
    types.addAll(asyncHandlers.keySet());
    return Set.copyOf(types);
  }

  /** The handler for the hot path: no {@link Optional} allocated. */
  @Nullable Class<?> find(Class<?> queryType, boolean async) {
    return (async ? asyncHandlers : handlers).get(queryType);
  }

  private static void add(
      Map<Class<?>, Class<?>> registered, Class<?> queryType, Class<?> handlerType, String how) {
    requireNonNull(queryType, "queryType must not be null");
    requireNonNull(handlerType, "handlerType must not be null");
    Class<?> existing = registered.putIfAbsent(queryType, handlerType);
    if (existing != null && existing != handlerType) {
      throw new ConfigurationException(
          "QueryHandlerRegistry."
              + how
              + ": query "
              + queryType.getName()
              + " already has handler "
              + existing.getName()
              + "; a query has exactly one handler, so "
              + handlerType.getName()
              + " cannot be added");
    }
  }
}
