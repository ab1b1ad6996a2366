package io.brighter;

import io.brighter.messaging.Message;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The partition keys whose messages this process no longer sends at once: a message of the key
 * failed to send and waits in the outbox for the sweeper, and a later message of the key sent by
 * {@code clearOutbox} or {@code post} would overtake it. Later messages of a held-back key stay in
 * the outbox too, and the sweeper, which claims each key's messages in the order they were stored,
 * sends them after it. A key is let go once a sweep of this process has sent a message of it, or
 * after {@link #HELD_FOR} at the latest. Thread-safe.
 */
final class HeldBackKeys {

  /** The longest a key is held back without a sweep of this process sending one of its messages. */
  static final Duration HELD_FOR = Duration.ofMinutes(5);

  private final Map<String, Long> held = new ConcurrentHashMap<>();

  /** The partition key of {@code message}, or null when it has none. */
  static @Nullable String keyOf(Message message) {
    String key = message.header().partitionKey();
    return key == null || key.isEmpty() ? null : key;
  }

  /** Holds back {@code key}: a message of it could not be sent. */
  void holdBack(String key) {
    held.put(key, System.nanoTime() + HELD_FOR.toNanos());
  }

  /** Whether messages of {@code key} wait for the sweeper. */
  boolean isHeldBack(String key) {
    Long until = held.get(key);
    if (until == null) {
      return false;
    }
    if (until - System.nanoTime() < 0) {
      held.remove(key, until);
      return false;
    }
    return true;
  }

  /** Lets {@code key} go: a sweep sent a message of it. */
  void letGo(String key) {
    if (!held.isEmpty()) {
      held.remove(key);
    }
  }
}
