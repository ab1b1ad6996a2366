package io.brighter;

import io.brighter.messaging.RoutingKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the sweeper off topics whose sends fail: a failure trips the topic for a number of sweeps,
 * during which its messages stay outstanding while other topics keep flowing. Thread-safe.
 */
final class TopicCircuitBreaker {

  private final int cooldownSweeps;
  private final Map<RoutingKey, Integer> tripped = new ConcurrentHashMap<>();

  TopicCircuitBreaker(int cooldownSweeps) {
    this.cooldownSweeps = cooldownSweeps;
  }

  /** A send to {@code topic} failed. */
  void trip(RoutingKey topic) {
    if (cooldownSweeps > 0) {
      tripped.put(topic, cooldownSweeps);
    }
  }

  /** Whether sweeps skip {@code topic} for now. */
  boolean isTripped(RoutingKey topic) {
    return tripped.containsKey(topic);
  }

  /** The topics sweeps skip for now. */
  Set<RoutingKey> trippedTopics() {
    return tripped.isEmpty() ? Set.of() : Set.copyOf(tripped.keySet());
  }

  /** One sweep has passed: every tripped topic is a sweep closer to being tried again. */
  void cool() {
    tripped.replaceAll((topic, remaining) -> remaining - 1);
    tripped.values().removeIf(remaining -> remaining <= 0);
  }
}
