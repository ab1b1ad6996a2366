package io.brighter.serviceactivator;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.messaging.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the message pumps of a service: for each {@link Subscription}, {@link
 * Subscription#noOfPerformers()} pumps, each with its own consumer, reading the channel and handing
 * each message's request to the command processor. Made by {@link DispatcherBuilder}.
 *
 * {@snippet :
 * Dispatcher dispatcher = new DispatcherBuilder()
 *     .commandProcessor(commandProcessor)
 *     .mappers(new MessageMapperRegistry())
 *     .subscriptions(List.of(greetings))
 *     .build();
 * dispatcher.start();
 * // ...
 * dispatcher.stop();
 * }
 *
 * <p>{@link #stop()} is graceful: each pump settles the message in hand (acknowledging it when its
 * handler succeeded) and closes its consumer, returning messages it fetched but had not begun. It
 * waits at most the shutdown timeout, then returns anyway; a pump still busy then stops after its
 * message. {@link #shut(String)} asks one subscription's pumps to stop and returns at once. A pump
 * that stops on its own (a configuration error, the unacceptable message limit, a quit message)
 * stays in {@link #state()} with its status and error until the subscription is opened again.
 *
 * <p>Each message is settled as .NET Brighter's pump does, with deliberate differences: a handler
 * exception no handler dealt with follows {@link Subscription#unhandledExceptionAction()} (reject
 * by default, not acknowledge); both pump types wait {@link Subscription#channelFailureDelay()}
 * after a channel failure; a {@link io.brighter.actions.DontAckAction} gives the message back with
 * {@code requeue(message, Duration.ZERO)}, its handled count kept (the consumer SPI has no nack),
 * then the pump waits {@link Subscription#dontAckDelay()}; several failing handlers of an event are
 * scanned for a configuration error first, then defer, don't-ack, reject and invalid. A handler
 * finds the message its request came from in its context's bag under {@code "OriginatingMessage"}.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class Dispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final PumpResources resources;
  private final Duration shutdownTimeout;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, List<MessagePump>> pumps = new LinkedHashMap<>();

  Dispatcher(PumpResources resources, List<Subscription> subscriptions, Duration shutdownTimeout) {
    this.resources = resources;
    this.shutdownTimeout = shutdownTimeout;
    for (Subscription subscription : subscriptions) {
      if (this.subscriptions.putIfAbsent(subscription.name(), subscription) != null) {
        throw new ConfigurationException(
            "Dispatcher.subscriptions has two subscriptions named " + subscription.name());
      }
    }
  }

  /** Starts the pumps of every subscription. */
  public synchronized void start() {
    subscriptions.keySet().forEach(this::open);
  }

  /**
   * Starts {@code name}'s pumps, up to its number of performers; pumps that stopped are dropped
   * from the state first. Opening a running subscription does nothing more.
   *
   * @throws ConfigurationException when there is no such subscription
   */
  public synchronized void open(String name) {
    Subscription subscription = subscription(name);
    List<MessagePump> current = pumps.computeIfAbsent(name, key -> new ArrayList<>());
    current.removeIf(pump -> pump.state().status() != MessagePumpStatus.STARTED);
    long running = current.stream().filter(pump -> !pump.stopRequested()).count();
    for (long i = running; i < subscription.noOfPerformers(); i++) {
      MessagePump pump = newPump(subscription);
      current.add(pump);
      pump.start();
    }
  }

  /** Adds {@code subscription} and starts its pumps. */
  public synchronized void open(Subscription subscription) {
    requireNonNull(subscription, "subscription must not be null");
    subscriptions.put(subscription.name(), subscription);
    open(subscription.name());
  }

  /**
   * Asks {@code name}'s pumps to stop after the message each has in hand; returns at once. Watch
   * {@link #state()} to see them stop.
   *
   * @throws ConfigurationException when there is no such subscription
   */
  public synchronized void shut(String name) {
    subscription(name);
    pumps.getOrDefault(name, List.of()).forEach(MessagePump::requestStop);
  }

  /**
   * Sets how many pumps read {@code name}'s channel, starting more or asking the surplus to stop.
   *
   * @throws ConfigurationException when there is no such subscription
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public synchronized void setActivePerformers(String name, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    subscriptions.put(name, subscription(name).withNoOfPerformers(count));
    List<MessagePump> active =
        pumps.getOrDefault(name, List.of()).stream()
            .filter(pump -> !pump.stopRequested() && pump.state().running())
            .toList();
    for (int i = count; i < active.size(); i++) {
      active.get(i).requestStop();
    }
    open(name);
  }

  /**
   * Stops every pump gracefully, waiting at most the shutdown timeout in all.
   *
   * @return whether every pump stopped within the timeout
   */
  public boolean stop() {
    List<MessagePump> all;
    synchronized (this) {
      all = pumps.values().stream().flatMap(List::stream).toList();
    }
    all.forEach(MessagePump::requestStop);
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    boolean allStopped = true;
    try {
      for (MessagePump pump : all) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        allStopped &= pump.awaitStopped(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (!allStopped) {
      LOG.warn(
          "Dispatcher stop passed its timeout of {}; some pumps are still busy", shutdownTimeout);
    }
    return allStopped;
  }

  /** As {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Each pump with its subscription and status, in subscription order. */
  public synchronized List<ConsumerState> state() {
    return pumps.values().stream().flatMap(List::stream).map(MessagePump::state).toList();
  }

  /** The subscriptions, with their current number of performers. */
  public synchronized List<Subscription> subscriptions() {
    return List.copyOf(subscriptions.values());
  }

  private Subscription subscription(String name) {
    Subscription subscription = subscriptions.get(requireNonNull(name, "name must not be null"));
    if (subscription == null) {
      throw new ConfigurationException("The dispatcher has no subscription named " + name);
    }
    return subscription;
  }

  private MessagePump newPump(Subscription subscription) {
    String consumerName = subscription.name() + "-" + UUID.randomUUID();
    return switch (subscription.messagePumpType()) {
      case REACTOR -> new Reactor(consumerName, subscription, resources);
      case PROACTOR -> new Proactor(consumerName, subscription, resources);
    };
  }
}
