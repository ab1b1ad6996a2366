package io.brighter;

import io.brighter.messaging.Message;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages this process deposited whose transaction is known to have committed, kept for a
 * short while so that {@code clearOutbox} sends them without reading back from the outbox what this
 * process has just written. A message not held (never, or no longer: it is dropped after {@link
 * #KEPT_FOR}, or once {@link #CAPACITY} newer ones are held) is read from the outbox as before, so
 * an application that leaves its messages to the sweeper holds little. Thread-safe.
 */
final class CommittedDeposits {

  /** The most messages held. */
  static final int CAPACITY = 10_000;

  /** How long a message is held: a clear normally follows its commit at once. */
  static final Duration KEPT_FOR = Duration.ofSeconds(5);

  private record Held(Message message, long since) {}

  private final Map<Id, Held> held = new LinkedHashMap<>();

  /** Holds {@code messages}, whose transaction has committed. */
  synchronized void addAll(List<Message> messages) {
    long now = System.nanoTime();
    dropOlderThan(now - KEPT_FOR.toNanos());
    for (Message message : messages) {
      held.put(message.id(), new Held(message, now));
    }
    Iterator<Id> eldest = held.keySet().iterator();
    for (int excess = held.size() - CAPACITY; excess > 0; excess--) {
      eldest.next();
      eldest.remove();
    }
  }

  /** Removes and returns the held messages among {@code ids}, by id. */
  synchronized Map<Id, Message> take(List<Id> ids) {
    Map<Id, Message> taken = HashMap.newHashMap(ids.size());
    if (held.isEmpty()) {
      return taken;
    }
    for (Id id : ids) {
      Held message = held.remove(id);
      if (message != null) {
        taken.put(id, message.message());
      }
    }
    return taken;
  }

  private void dropOlderThan(long cutoff) {
    Iterator<Held> eldest = held.values().iterator();
    while (eldest.hasNext() && eldest.next().since() - cutoff < 0) {
      eldest.remove();
    }
  }
}
