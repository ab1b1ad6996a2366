package io.brighter.messaging.inmemory;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A message broker inside the JVM. Each routing key (topic) has named channels, each a FIFO queue:
 * a message published on a topic goes to every channel of that topic (publish-subscribe), and the
 * consumers of one channel compete for its messages (point-to-point). A topic with no channel yet
 * gets one named after the routing key, so messages sent before the first consumer arrives wait for
 * a consumer made with {@link InMemoryMessageConsumer#InMemoryMessageConsumer(InMemoryBus,
 * RoutingKey)}.
 *
 * <p>Producers and consumers made with {@link io.brighter.messaging.OnMissingChannel#CREATE} make
 * their topic or channel; with {@code VALIDATE} they require it to exist ({@link #hasTopic}, {@link
 * #hasChannel}); with {@code ASSUME} they make and check nothing.
 *
 * <p>The bus {@link Clock} decides when a delayed message falls due; a test moves a fixed clock
 * instead of sleeping. The bus also keeps every message published on a topic, for tests to inspect
 * with {@link #stream}.
 *
 * {@snippet :
 * InMemoryBus bus = new InMemoryBus();
 * new InMemoryMessageProducer(bus, publication).send(message);
 * assertThat(bus.stream(publication.topic())).containsExactly(message);
 * assertThat(bus.pending(publication.topic())).isEqualTo(1);
 * }
 *
 * <p>Thread-safe: one lock guards every topic and channel.
 */
public final class InMemoryBus {

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition published = lock.newCondition();
  private final Map<RoutingKey, List<Message>> streams = new LinkedHashMap<>();
  private final Map<RoutingKey, Map<String, InMemoryChannel>> channels = new LinkedHashMap<>();

  /** A bus on the system clock. */
  public InMemoryBus() {
    this(Clock.systemUTC());
  }

  /** A bus on {@code clock}, which decides when delayed messages fall due. */
  public InMemoryBus(Clock clock) {
    this.clock = requireNonNull(clock, "clock must not be null");
  }

  /** The clock that decides when delayed messages fall due. */
  public Clock clock() {
    return clock;
  }

  /**
   * Makes the channel {@code channelName} on {@code routingKey} if it does not exist, so it
   * receives every message published there from now on.
   */
  public void declareChannel(RoutingKey routingKey, String channelName) {
    locked(() -> channel(routingKey, channelName));
  }

  /**
   * Whether {@code routingKey} exists: a producer or consumer made it, or something was published
   * there.
   */
  public boolean hasTopic(RoutingKey routingKey) {
    return locked(() -> streams.containsKey(routingKey) || !channelsOf(routingKey).isEmpty());
  }

  /** Whether the channel {@code channelName} of {@code routingKey} exists. */
  public boolean hasChannel(RoutingKey routingKey, String channelName) {
    return locked(() -> channelsOf(routingKey).containsKey(channelName));
  }

  /** The names of the channels on {@code routingKey}, in the order they were made. */
  public List<String> channels(RoutingKey routingKey) {
    return locked(() -> List.copyOf(channelsOf(routingKey).keySet()));
  }

  /** Every message ever published on {@code topic}, in order, including dead letters sent there. */
  public List<Message> stream(RoutingKey topic) {
    return locked(() -> List.copyOf(streams.getOrDefault(topic, List.of())));
  }

  /** How many messages wait, due or not, on the channel named after {@code routingKey}. */
  public int pending(RoutingKey routingKey) {
    return pending(routingKey, routingKey.value());
  }

  /**
   * How many messages wait, due or not, on the channel {@code channelName} of {@code routingKey}.
   */
  public int pending(RoutingKey routingKey, String channelName) {
    return locked(
        () -> {
          InMemoryChannel channel = channelsOf(routingKey).get(channelName);
          return channel == null ? 0 : channel.size();
        });
  }

  /** Records {@code message} on {@code topic} and queues it on each of its channels. */
  void publish(RoutingKey topic, Message message, Duration delay) {
    locked(
        () -> {
          streams.computeIfAbsent(topic, key -> new ArrayList<>()).add(message);
          if (channelsOf(topic).isEmpty()) {
            channel(topic, topic.value());
          }
          Instant due = clock.instant().plus(delay);
          channelsOf(topic).values().forEach(channel -> channel.add(message, due));
          published.signalAll();
          return null;
        });
  }

  /** Makes {@code topic} exist, with no channel yet. */
  void declareTopic(RoutingKey topic) {
    locked(() -> streams.computeIfAbsent(topic, key -> new ArrayList<>()));
  }

  /** The channel {@code channelName} of {@code routingKey}, made if missing. */
  InMemoryChannel channel(RoutingKey routingKey, String channelName) {
    requireNonNull(routingKey, "routingKey must not be null");
    requireNonNull(channelName, "channelName must not be null");
    return locked(
        () ->
            channels
                .computeIfAbsent(routingKey, key -> new LinkedHashMap<>())
                .computeIfAbsent(channelName, name -> new InMemoryChannel(routingKey, name)));
  }

  /**
   * Takes up to {@code max} due messages from the channel {@code channelName} of {@code
   * routingKey}, waiting up to {@code timeout} (real time) for the first; a missing channel has
   * none. Returns what it has when the waiting thread is interrupted, keeping the interrupt flag
   * set.
   */
  List<Message> take(RoutingKey routingKey, String channelName, int max, Duration timeout) {
    long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
    lock.lock();
    try {
      while (true) {
        InMemoryChannel channel = channelsOf(routingKey).get(channelName);
        List<Message> due = channel == null ? List.of() : channel.takeDue(clock.instant(), max);
        long remaining = deadline - System.nanoTime();
        if (!due.isEmpty() || remaining <= 0) {
          return due;
        }
        published.awaitNanos(channel == null ? remaining : untilNextDue(channel, remaining));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code message} again at the back of {@code channel}, due after {@code delay}. */
  void requeue(InMemoryChannel channel, Message message, Duration delay) {
    locked(
        () -> {
          channel.add(message, clock.instant().plus(delay));
          published.signalAll();
          return null;
        });
  }

  /** Puts unsettled {@code messages} back at the head of {@code channel}, due at once. */
  void restore(InMemoryChannel channel, List<Message> messages) {
    locked(
        () -> {
          channel.addFirst(messages, clock.instant());
          published.signalAll();
          return null;
        });
  }

  /** Removes every message waiting on the channel {@code channelName}, if it exists. */
  void purge(RoutingKey routingKey, String channelName) {
    locked(
        () -> {
          InMemoryChannel channel = channelsOf(routingKey).get(channelName);
          if (channel != null) {
            channel.clear();
          }
          return null;
        });
  }

  /** Nanoseconds to wait: until the next delayed message falls due, at most {@code remaining}. */
  private long untilNextDue(InMemoryChannel channel, long remaining) {
    Instant next = channel.nextDue();
    if (next == null) {
      return remaining;
    }
    Duration untilDue = Duration.between(clock.instant(), next);
    return untilDue.compareTo(Duration.ofNanos(remaining)) < 0
        ? Math.max(1, untilDue.toNanos())
        : remaining;
  }

  private Map<String, InMemoryChannel> channelsOf(RoutingKey routingKey) {
    return channels.getOrDefault(routingKey, Map.of());
  }

  private <T extends @Nullable Object> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
