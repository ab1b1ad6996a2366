package io.brighter.messaging.inmemory;

import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One channel of an {@link InMemoryBus}: a FIFO queue of messages for the consumers of one channel
 * name on one routing key. Not thread-safe: the bus calls it under its lock.
 */
final class InMemoryChannel {

  /** A message waiting on the channel, invisible to consumers until {@code dueAt}. */
  private record Delivery(Message message, Instant dueAt) {}

  private final RoutingKey routingKey;
  private final String name;
  private final Deque<Delivery> queue = new ArrayDeque<>();

  InMemoryChannel(RoutingKey routingKey, String name) {
    this.routingKey = routingKey;
    this.name = name;
  }

  RoutingKey routingKey() {
    return routingKey;
  }

  String name() {
    return name;
  }

  void add(Message message, Instant dueAt) {
    queue.addLast(new Delivery(message, dueAt));
  }

  /** Puts {@code messages} back at the head of the queue, due at once, in their order. */
  void addFirst(List<Message> messages, Instant now) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      queue.addFirst(new Delivery(messages.get(i), now));
    }
  }

  /** Removes and returns up to {@code max} messages due at {@code now}, in queue order. */
  List<Message> takeDue(Instant now, int max) {
    List<Message> taken = new ArrayList<>();
    Iterator<Delivery> waiting = queue.iterator();
    while (taken.size() < max && waiting.hasNext()) {
      Delivery delivery = waiting.next();
      if (!delivery.dueAt().isAfter(now)) {
        taken.add(delivery.message());
        waiting.remove();
      }
    }
    return taken;
  }

  /** When the earliest waiting message falls due, or null when none waits. */
  @Nullable Instant nextDue() {
    return queue.stream().map(Delivery::dueAt).min(Instant::compareTo).orElse(null);
  }

  int size() {
    return queue.size();
  }

  void clear() {
    queue.clear();
  }
}
