package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The mapper for each request type that travels over the bus. A type with no registered mapper gets
 * the default one, a {@link JsonMessageMapper} unless the registry was made with another default or
 * {@link #withoutDefault() none}; the default mapper of a type is made once and kept.
 *
 * {@snippet :
 * MessageMapperRegistry mappers = new MessageMapperRegistry()
 *     .register(AddGreeting.class, new AddGreetingMapper());
 * MessageMapper<AddGreeting> mapper = mappers.mapperFor(AddGreeting.class);    // AddGreetingMapper
 * MessageMapper<GreetingAdded> json = mappers.mapperFor(GreetingAdded.class);  // JsonMessageMapper
 * }
 *
 * <p>Thread-safe: register while wiring up, look up from any thread.
 */
public final class MessageMapperRegistry {

  private final ConcurrentMap<Class<?>, MessageMapper<?>> mappers = new ConcurrentHashMap<>();
  private final ConcurrentMap<Class<?>, MessageMapperAsync<?>> asyncMappers =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Class<?>, MessageMapper<?>> defaults = new ConcurrentHashMap<>();
  private final @Nullable Function<Class<? extends Request>, ? extends MessageMapper<?>>
      defaultMapper;

  /** A registry whose default is a {@link JsonMessageMapper} for the request type. */
  public MessageMapperRegistry() {
    this(JsonMessageMapper::forType);
  }

  /**
   * A registry whose default mapper for a request type is made by {@code defaultMapper}, once per
   * type; it must return a mapper for the type it is given.
   */
  public MessageMapperRegistry(
      Function<Class<? extends Request>, ? extends MessageMapper<?>> defaultMapper) {
    this.defaultMapper = requireNonNull(defaultMapper, "defaultMapper must not be null");
  }

  private MessageMapperRegistry(boolean noDefault) {
    this.defaultMapper = null;
  }

  /** A registry with no default: looking up a type nobody registered is a configuration error. */
  public static MessageMapperRegistry withoutDefault() {
    return new MessageMapperRegistry(true);
  }

  /**
   * Registers the mapper for {@code requestType}.
   *
   * @return this registry
   * @throws ConfigurationException when that type has a mapper already
   */
  public <T extends Request> MessageMapperRegistry register(
      Class<T> requestType, MessageMapper<T> mapper) {
    put(mappers, requestType, requireNonNull(mapper, "mapper must not be null"));
    return this;
  }

  /**
   * Registers the asynchronous mapper for {@code requestType}.
   *
   * @return this registry
   * @throws ConfigurationException when that type has an asynchronous mapper already
   */
  public <T extends Request> MessageMapperRegistry registerAsync(
      Class<T> requestType, MessageMapperAsync<T> mapper) {
    put(asyncMappers, requestType, requireNonNull(mapper, "mapper must not be null"));
    return this;
  }

  /** The mapper registered for {@code requestType}, ignoring the default. */
  // register paired the type with a mapper of that type.
  @SuppressWarnings("unchecked")
  public <T extends Request> Optional<MessageMapper<T>> find(Class<T> requestType) {
    return Optional.ofNullable((MessageMapper<T>) mappers.get(requestType));
  }

  /**
   * The mapper for {@code requestType}: the registered one, or else the default one.
   *
   * @throws ConfigurationException when none is registered and this registry has no default
   */
  // register paired the type with a mapper of that type; the default factory promises the same.
  @SuppressWarnings("unchecked")
  public <T extends Request> MessageMapper<T> mapperFor(Class<T> requestType) {
    MessageMapper<?> registered = mappers.get(requireNonNull(requestType, "requestType"));
    if (registered != null) {
      return (MessageMapper<T>) registered;
    }
    Function<Class<? extends Request>, ? extends MessageMapper<?>> factory = defaultMapper;
    if (factory == null) {
      throw new ConfigurationException(
          "No message mapper is registered for "
              + requestType.getName()
              + " and the registry has no default mapper");
    }
    return (MessageMapper<T>)
        defaults.computeIfAbsent(
            requestType,
            type ->
                requireNonNull(
                    factory.apply(requestType),
                    "the default mapper factory returned null for " + type.getName()));
  }

  /**
   * The asynchronous mapper for {@code requestType}: the registered one; else the synchronous
   * mapper (registered or default) behind an adapter; empty when there is neither.
   */
  // registerAsync paired the type with a mapper of that type.
  @SuppressWarnings("unchecked")
  public <T extends Request> Optional<MessageMapperAsync<T>> asyncMapperFor(Class<T> requestType) {
    MessageMapperAsync<?> registered = asyncMappers.get(requireNonNull(requestType, "requestType"));
    if (registered != null) {
      return Optional.of((MessageMapperAsync<T>) registered);
    }
    if (defaultMapper == null && !mappers.containsKey(requestType)) {
      return Optional.empty();
    }
    return Optional.of(new SyncMapperAdapter<>(mapperFor(requestType)));
  }

  private static <M> void put(ConcurrentMap<Class<?>, M> map, Class<?> requestType, M mapper) {
    requireNonNull(requestType, "requestType must not be null");
    if (map.putIfAbsent(requestType, mapper) != null) {
      throw new ConfigurationException(
          "A message mapper for " + requestType.getName() + " is already registered");
    }
  }
}
