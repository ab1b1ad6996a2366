package io.brighter;

import io.brighter.messaging.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

  /**
   * What a clear of some ids found held: the ids without repeats, in order; the held messages, by
   * id; and the ids to read from the outbox.
   */
  record Taken(List<Id> ids, Map<Id, Message> held, List<Id> missing) {

    /**
     * The messages of {@link #ids} in that order, from those held or {@code read}; none missing.
     */
    List<Message> with(List<Message> read) {
      if (held.isEmpty()) {
        return read;
      }
      Map<Id, Message> found = new HashMap<>(held);
      for (Message message : read) {
        found.put(message.id(), message);
      }
      List<Message> ordered = new ArrayList<>(found.size());
      for (Id id : ids) {
        Message message = found.get(id);
        if (message != null) {
          ordered.add(message);
        }
      }
      return ordered;
    }
  }

  /** Removes the held messages among {@code ids} and says which of them must still be read. */
  synchronized Taken take(Collection<Id> ids) {
    List<Id> wanted = List.copyOf(new LinkedHashSet<>(ids));
    if (held.isEmpty()) {
      return new Taken(wanted, Map.of(), wanted);
    }
    Map<Id, Message> taken = HashMap.newHashMap(wanted.size());
    List<Id> missing = new ArrayList<>();
    for (Id id : wanted) {
      Held message = held.remove(id);
      if (message != null) {
        taken.put(id, message.message());
      } else {
        missing.add(id);
      }
    }
    return new Taken(wanted, taken, missing);
  }

  private void dropOlderThan(long cutoff) {
    Iterator<Held> eldest = held.values().iterator();
    while (eldest.hasNext() && eldest.next().since() - cutoff < 0) {
      eldest.remove();
    }
  }
}
