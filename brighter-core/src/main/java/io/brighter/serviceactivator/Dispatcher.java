package io.brighter.serviceactivator;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.messaging.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * message. {@link #shut(String)} asks one subscription's pumps to stop and returns at once.
 *
 * <p><b>Pumps that die are restarted.</b> A pump that ends with {@link MessagePumpStatus#ERROR}
 * (its consumer could not be made or failed other than with a channel failure, a message could not
 * be settled, a handler raised a configuration error) stays in {@link #state()} with its error,
 * making {@link DispatcherHealth} report the subscription short of performers and why, while the
 * dispatcher waits a back-off and starts a new pump in its place: one second at first, doubling for
 * each pump that dies in a row, at most a minute ({@link DispatcherBuilder#restartBackOff}). A pump
 * that ran for the longest back-off before it died starts the count again. Each death is reported
 * to the metrics ({@link io.brighter.observability.MessagingMetrics#pumpFailed}). A pump stopped by
 * the unacceptable message limit is not restarted: that limit is the subscription's own choice to
 * stop; it stays in the state until the subscription is opened again.
 *
 * <p>Each message is settled as .NET Brighter's pump does, with deliberate differences: a handler
 * exception no handler dealt with follows {@link Subscription#unhandledExceptionAction()} (reject
 * by default, not acknowledge, and a {@linkplain io.brighter.BrighterException#isTransient
 * transient} failure is requeued instead); both pump types wait {@link
 * Subscription#channelFailureDelay()} after a channel failure; a {@link
 * io.brighter.actions.DontAckAction} gives the message back with the consumer's {@code nack}, its
 * handled count kept, then the pump waits {@link Subscription#dontAckDelay()}; several failing
 * handlers of an event are scanned for a configuration error first, then defer, don't-ack, reject
 * and invalid. A handler finds the message its request came from in its context's bag under {@code
 * "OriginatingMessage"}.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class Dispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final PumpResources resources;
  private final Duration shutdownTimeout;
  private final Duration startTimeout;
  private final RestartBackOff restartBackOff;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, List<MessagePump>> pumps = new LinkedHashMap<>();
  private final Map<MessagePump, ScheduledFuture<?>> pendingRestarts = new HashMap<>();
  private @Nullable ScheduledExecutorService restarter;
  private boolean stopping;

  Dispatcher(
      PumpResources resources,
      List<Subscription> subscriptions,
      Duration shutdownTimeout,
      Duration startTimeout,
      RestartBackOff restartBackOff) {
    this.resources = resources;
    this.shutdownTimeout = shutdownTimeout;
    this.startTimeout = startTimeout;
    this.restartBackOff = restartBackOff;
    for (Subscription subscription : subscriptions) {
      if (this.subscriptions.putIfAbsent(subscription.name(), subscription) != null) {
        throw new ConfigurationException(
            "Dispatcher.subscriptions has two subscriptions named " + subscription.name());
      }
    }
  }

  /**
   * Starts the pumps of every subscription, and waits (at most the start timeout) until each has
   * made its consumer, so the channels exist, declared or checked, when it returns.
   */
  public void start() {
    List<MessagePump> started = new ArrayList<>();
    synchronized (this) {
      subscriptions.keySet().forEach(name -> started.addAll(openLocked(name)));
    }
    awaitReady(started);
  }

  /**
   * Starts {@code name}'s pumps, up to its number of performers, and waits as {@link #start()}
   * does; pumps that stopped are dropped from the state first. Opening a running subscription does
   * nothing more.
   *
   * @throws ConfigurationException when there is no such subscription
   */
  public void open(String name) {
    List<MessagePump> started;
    synchronized (this) {
      started = openLocked(name);
    }
    awaitReady(started);
  }

  /** Starts {@code name}'s missing pumps; the ones it started. */
  private List<MessagePump> openLocked(String name) {
    Subscription subscription = subscription(name);
    stopping = false;
    List<MessagePump> current = pumps.computeIfAbsent(name, key -> new ArrayList<>());
    current.removeIf(
        pump -> {
          boolean ended = pump.state().status() != MessagePumpStatus.STARTED;
          if (ended) {
            cancelRestart(pump);
          }
          return ended;
        });
    long running = current.stream().filter(pump -> !pump.stopRequested()).count();
    List<MessagePump> started = new ArrayList<>();
    for (long i = running; i < subscription.noOfPerformers(); i++) {
      MessagePump pump = newPump(subscription, 0);
      current.add(pump);
      pump.start();
      started.add(pump);
    }
    return started;
  }

  /** Waits, at most the start timeout in all, until {@code started} have made their consumers. */
  private void awaitReady(List<MessagePump> started) {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    try {
      for (MessagePump pump : started) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!pump.awaitReady(left)) {
          LOG.warn(
              "Consumers of {} are still connecting after {}; the dispatcher goes on",
              pump.subscription.name(),
              startTimeout);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds {@code subscription} and starts its pumps, as {@link #open(String)} does. */
  public void open(Subscription subscription) {
    requireNonNull(subscription, "subscription must not be null");
    synchronized (this) {
      subscriptions.put(subscription.name(), subscription);
    }
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
    for (MessagePump pump : pumps.getOrDefault(name, List.of())) {
      pump.requestStop();
      cancelRestart(pump);
    }
  }

  /**
   * Sets how many pumps read {@code name}'s channel, starting more or asking the surplus to stop.
   *
   * @throws ConfigurationException when there is no such subscription
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public void setActivePerformers(String name, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    List<MessagePump> started;
    synchronized (this) {
      subscriptions.put(name, subscription(name).withNoOfPerformers(count));
      List<MessagePump> active =
          pumps.getOrDefault(name, List.of()).stream()
              .filter(pump -> !pump.stopRequested() && pump.state().running())
              .toList();
      for (int i = count; i < active.size(); i++) {
        active.get(i).requestStop();
      }
      started = openLocked(name);
    }
    awaitReady(started);
  }

  /**
   * Stops every pump gracefully, waiting at most the shutdown timeout in all.
   *
   * @return whether every pump stopped within the timeout
   */
  public boolean stop() {
    List<MessagePump> all;
    synchronized (this) {
      stopping = true;
      all = pumps.values().stream().flatMap(List::stream).toList();
      all.forEach(this::cancelRestart);
      if (restarter != null) {
        restarter.shutdownNow();
        restarter = null;
      }
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

  private MessagePump newPump(Subscription subscription, int restarts) {
    String consumerName = subscription.name() + "-" + UUID.randomUUID();
    return switch (subscription.messagePumpType()) {
      case REACTOR -> new Reactor(consumerName, subscription, resources, restarts, this::ended);
      case PROACTOR -> new Proactor(consumerName, subscription, resources, restarts, this::ended);
    };
  }

  /** Called by a pump, on its own thread, when it has stopped: schedules a restart if it died. */
  private synchronized void ended(MessagePump pump) {
    ConsumerState state = pump.state();
    if (state.status() != MessagePumpStatus.ERROR) {
      return;
    }
    Subscription subscription = subscriptions.get(state.subscriptionName());
    if (subscription == null) {
      return;
    }
    Throwable error = state.error();
    resources
        .metrics()
        .pumpFailed(subscription, error != null ? error : new IllegalStateException());
    if (stopping || pump.stopRequested()) {
      return;
    }
    int restarts = pump.age().compareTo(restartBackOff.max()) >= 0 ? 1 : pump.restarts() + 1;
    Duration wait = restartBackOff.before(restarts);
    LOG.warn(
        "Message pump {} of {} died; starting another in {} (restart {} in a row)",
        state.consumerName(),
        subscription.name(),
        wait,
        restarts);
    pendingRestarts.put(
        pump,
        restarter().schedule(() -> restart(pump, restarts), wait.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** Puts a new pump in the place of {@code dead}, unless it was removed, shut or stopped since. */
  private synchronized void restart(MessagePump dead, int restarts) {
    if (pendingRestarts.remove(dead) == null || stopping) {
      return;
    }
    Subscription subscription = subscriptions.get(dead.subscription.name());
    List<MessagePump> current = pumps.get(dead.subscription.name());
    if (subscription == null || current == null) {
      return;
    }
    int place = current.indexOf(dead);
    if (place < 0) {
      return;
    }
    MessagePump replacement = newPump(subscription, restarts);
    current.set(place, replacement);
    replacement.start();
  }

  private void cancelRestart(MessagePump pump) {
    ScheduledFuture<?> pending = pendingRestarts.remove(pump);
    if (pending != null) {
      pending.cancel(false);
    }
  }

  private ScheduledExecutorService restarter() {
    if (restarter == null) {
      restarter =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("brighter-dispatcher-restarts").factory());
    }
    return restarter;
  }
}
