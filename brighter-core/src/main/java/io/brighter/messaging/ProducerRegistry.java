package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The producers of an application, one per {@link Publication}, found by the publication's topic
 * and CloudEvents type. Several publications may share a topic when their CloudEvents types differ;
 * the topic alone is then ambiguous. The command processor looks producers up here to send what it
 * posts and what the outbox holds.
 *
 * {@snippet :
 * ProducerRegistry producers = ProducerRegistry.of(List.of(
 *     new InMemoryMessageProducer(bus, greetingsPublication),
 *     new InMemoryMessageProducer(bus, farewellsPublication)));
 * MessageProducer producer = producers.lookup(RoutingKey.of("greeting.added"));
 * Publication publication = producers.publicationFor(GreetingAdded.class);
 * }
 *
 * <p>As in Resilience4j's registries, {@code find…} returns an {@link Optional} and {@code lookup…}
 * throws {@link ConfigurationException} when nothing fits. Built once and then read only, the
 * registry is thread-safe. {@link #close} closes every producer.
 */
public final class ProducerRegistry implements AutoCloseable {

  private final Map<ProducerKey, ProducerRegistration> registrations;
  private final @Nullable ExecutorService ownedExecutor;

  private ProducerRegistry(
      Map<ProducerKey, ProducerRegistration> registrations,
      @Nullable ExecutorService ownedExecutor) {
    this.registrations = Collections.unmodifiableMap(registrations);
    this.ownedExecutor = ownedExecutor;
  }

  /**
   * A registry of blocking producers; any that are also {@link MessageProducerAsync} serve {@link
   * #lookupAsync} themselves, the rest through a virtual thread each.
   *
   * @throws ConfigurationException when two producers share a topic and CloudEvents type
   */
  public static ProducerRegistry of(List<? extends MessageProducer> producers) {
    Builder builder = builder();
    producers.forEach(builder::producer);
    return builder.build();
  }

  /**
   * A registry of non-blocking producers; any that are also {@link MessageProducer} serve {@link
   * #lookup} too.
   *
   * @throws ConfigurationException when two producers share a topic and CloudEvents type
   */
  public static ProducerRegistry ofAsync(List<? extends MessageProducerAsync> producers) {
    Builder builder = builder();
    producers.forEach(builder::asyncProducer);
    return builder.build();
  }

  /** A builder, for mixing blocking and non-blocking producers or choosing the executor. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The blocking producer of the one publication on {@code topic}.
   *
   * @throws ConfigurationException when none is registered, or when several publications share the
   *     topic (look up by topic and CloudEvents type then)
   */
  public MessageProducer lookup(RoutingKey topic) {
    return find(topic).orElseThrow(() -> missing(topic.toString(), "blocking"));
  }

  /**
   * The blocking producer of the publication on {@code topic} with CloudEvents {@code
   * cloudEventsType}.
   *
   * @throws ConfigurationException when none is registered
   */
  public MessageProducer lookup(RoutingKey topic, String cloudEventsType) {
    return find(topic, cloudEventsType)
        .orElseThrow(() -> missing(new ProducerKey(topic, cloudEventsType).toString(), "blocking"));
  }

  /**
   * The non-blocking producer of the one publication on {@code topic}. When only a blocking
   * producer is registered, an adapter runs each of its sends on a thread of the registry's
   * executor (by default a new virtual thread per send).
   *
   * @throws ConfigurationException as {@link #lookup(RoutingKey)} does
   */
  public MessageProducerAsync lookupAsync(RoutingKey topic) {
    return findAsync(topic).orElseThrow(() -> missing(topic.toString(), "non-blocking"));
  }

  /**
   * The non-blocking producer for {@code topic} and {@code cloudEventsType}, adapting a blocking
   * one as {@link #lookupAsync(RoutingKey)} does.
   *
   * @throws ConfigurationException when none is registered
   */
  public MessageProducerAsync lookupAsync(RoutingKey topic, String cloudEventsType) {
    return findAsync(topic, cloudEventsType)
        .orElseThrow(
            () -> missing(new ProducerKey(topic, cloudEventsType).toString(), "non-blocking"));
  }

  /**
   * The blocking producer of the one publication on {@code topic}, if registered.
   *
   * @throws ConfigurationException when several publications share the topic
   */
  public Optional<MessageProducer> find(RoutingKey topic) {
    return only(topic).map(ProducerRegistration::sync);
  }

  /** The blocking producer for {@code topic} and {@code cloudEventsType}, if registered. */
  public Optional<MessageProducer> find(RoutingKey topic, String cloudEventsType) {
    return registration(topic, cloudEventsType).map(ProducerRegistration::sync);
  }

  /**
   * The non-blocking (or adapted) producer of the one publication on {@code topic}, if registered.
   *
   * @throws ConfigurationException when several publications share the topic
   */
  public Optional<MessageProducerAsync> findAsync(RoutingKey topic) {
    return only(topic).map(ProducerRegistration::asyncOrAdapter);
  }

  /** The non-blocking (or adapted) producer for {@code topic} and {@code cloudEventsType}. */
  public Optional<MessageProducerAsync> findAsync(RoutingKey topic, String cloudEventsType) {
    return registration(topic, cloudEventsType).map(ProducerRegistration::asyncOrAdapter);
  }

  /**
   * The single publication for {@code requestType}.
   *
   * @throws ConfigurationException when no publication has that request type
   */
  public Publication publicationFor(Class<? extends Request> requestType) {
    List<Publication> matches =
        publications().stream().filter(p -> p.requestType() == requestType).toList();
    if (matches.isEmpty()) {
      throw new ConfigurationException(
          "No producer found for "
              + requestType.getName()
              + ": register a Publication with requestType "
              + requestType.getSimpleName()
              + ".class and a producer for it");
    }
    return matches.getFirst();
  }

  /** Every publication, in registration order. */
  public List<Publication> publications() {
    return registrations.values().stream().map(ProducerRegistration::publication).toList();
  }

  /** Every blocking producer, in registration order. */
  public List<MessageProducer> producers() {
    return distinct(ProducerRegistration::sync);
  }

  /** Every registered non-blocking producer (adapters excluded), in registration order. */
  public List<MessageProducerAsync> asyncProducers() {
    return distinct(ProducerRegistration::async);
  }

  /**
   * Closes every producer once, then the executor the registry made. Every producer is closed even
   * when one fails; the first failure is thrown with the others suppressed.
   */
  @Override
  public void close() {
    Set<AutoCloseable> closed = Collections.newSetFromMap(new IdentityHashMap<>());
    List<AutoCloseable> toClose = new ArrayList<>(producers());
    toClose.addAll(asyncProducers());
    RuntimeException failure = null;
    for (AutoCloseable producer : toClose) {
      if (!closed.add(producer)) {
        continue;
      }
      try {
        producer.close();
      } catch (Exception e) {
        RuntimeException wrapped =
            e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    if (ownedExecutor != null) {
      ownedExecutor.close();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private Optional<ProducerRegistration> only(RoutingKey topic) {
    requireNonNull(topic, "topic must not be null");
    List<ProducerRegistration> onTopic =
        registrations.values().stream().filter(r -> r.publication().topic().equals(topic)).toList();
    if (onTopic.size() > 1) {
      throw new ConfigurationException(
          "Topic '"
              + topic
              + "' has "
              + onTopic.size()
              + " publications, with CloudEvents types "
              + onTopic.stream().map(r -> r.publication().type()).toList()
              + ": look the producer up by topic and CloudEvents type");
    }
    return onTopic.stream().findFirst();
  }

  private Optional<ProducerRegistration> registration(RoutingKey topic, String cloudEventsType) {
    return Optional.ofNullable(registrations.get(new ProducerKey(topic, cloudEventsType)));
  }

  private <P> List<P> distinct(Function<ProducerRegistration, @Nullable P> slot) {
    Set<P> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<P> result = new ArrayList<>();
    for (ProducerRegistration registration : registrations.values()) {
      P producer = slot.apply(registration);
      if (producer != null && seen.add(producer)) {
        result.add(producer);
      }
    }
    return List.copyOf(result);
  }

  private static ConfigurationException missing(String what, String kind) {
    return new ConfigurationException(
        "No " + kind + " producer is registered for " + what + ": add one to the ProducerRegistry");
  }

  /**
   * Collects producers for a {@link ProducerRegistry}. A blocking and a non-blocking producer may
   * be registered for the same publication; one object implementing both fills both places.
   */
  public static final class Builder {
    private final Map<ProducerKey, ProducerRegistration> registrations = new LinkedHashMap<>();
    private @Nullable Executor executor;

    private Builder() {}

    /** Registers a blocking producer (and its non-blocking side, if it has one). */
    public Builder producer(MessageProducer producer) {
      return add(ProducerRegistration.of(requireNonNull(producer, "producer must not be null")));
    }

    /** Registers a non-blocking producer (and its blocking side, if it has one). */
    public Builder asyncProducer(MessageProducerAsync producer) {
      return add(ProducerRegistration.of(requireNonNull(producer, "producer must not be null")));
    }

    /**
     * The executor whose threads block when a blocking producer is used through {@link
     * #lookupAsync}; the caller keeps ownership. By default the registry makes a virtual thread per
     * send and shuts that executor down on {@link #close}.
     */
    public Builder blockingExecutor(Executor value) {
      this.executor = requireNonNull(value, "executor must not be null");
      return this;
    }

    /**
     * The registry.
     *
     * @throws ConfigurationException when two publications name one request type, so a deposit of
     *     it could not choose between them
     */
    public ProducerRegistry build() {
      Map<Class<? extends Request>, List<String>> topicsByType = new LinkedHashMap<>();
      registrations.forEach(
          (key, registration) -> {
            Publication publication = registration.publication();
            if (publication.requestType() != null) {
              topicsByType
                  .computeIfAbsent(publication.requestType(), type -> new ArrayList<>())
                  .add(publication.topic().value());
            }
          });
      topicsByType.forEach(
          (type, topics) -> {
            if (topics.size() > 1) {
              throw new ConfigurationException(
                  "Only one publication per request type is allowed, but "
                      + type.getName()
                      + " has "
                      + topics.size()
                      + ", on topics "
                      + topics);
            }
          });
      ExecutorService owned = executor == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
      Executor used = executor != null ? executor : requireNonNull(owned);
      Map<ProducerKey, ProducerRegistration> adapted = new LinkedHashMap<>();
      registrations.forEach((key, registration) -> adapted.put(key, registration.adapted(used)));
      return new ProducerRegistry(adapted, owned);
    }

    private Builder add(ProducerRegistration registration) {
      ProducerKey key = registration.key();
      ProducerRegistration existing = registrations.get(key);
      ProducerRegistration merged = existing == null ? registration : existing.merge(registration);
      if (merged == null) {
        throw new ConfigurationException(
            "Two producers are registered for "
                + key
                + ": give each publication on a shared topic its own CloudEvents type");
      }
      registrations.put(key, merged);
      return this;
    }
  }
}
