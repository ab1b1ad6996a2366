package io.brighter;

import io.brighter.messaging.RoutingKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps sweeps off topics whose sends fail: a failure trips the topic, and sweeps leave it out
 * until the given number of sweeps has passed since, while other topics keep flowing. A failure
 * trips it again. Thread-safe.
 */
final class TopicCircuitBreaker {

  private final AtomicLong sweeps = new AtomicLong();
  private final Map<RoutingKey, Long> trippedAt = new ConcurrentHashMap<>();

  /** A send to {@code topic} failed. */
  void trip(RoutingKey topic) {
    trippedAt.put(topic, sweeps.get());
  }

  /** A sweep begins: the topics it leaves out, those tripped within {@code cooldown} sweeps. */
  Set<RoutingKey> startSweep(int cooldown) {
    long sweep = sweeps.incrementAndGet();
    trippedAt.values().removeIf(tripped -> sweep - tripped > cooldown);
    return trippedAt.isEmpty() ? Set.of() : Set.copyOf(trippedAt.keySet());
  }

  /** Whether {@code topic} tripped within {@code cooldown} sweeps of now. */
  boolean isTripped(RoutingKey topic, int cooldown) {
    Long tripped = trippedAt.get(topic);
    return tripped != null && sweeps.get() - tripped <= cooldown;
  }
}
