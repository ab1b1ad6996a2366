package io.brighter.messaging.inmemory;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.DeadLetter;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The dead-letter queue of an {@link InMemoryBus} channel: the messages waiting on the dead-letter
 * routing key's channel ({@link InMemoryMessageConsumer#deadLetterFor} of the subscription's
 * routing key by default). A re-driven copy is published to its original topic before the dead
 * letter is taken out.
 *
 * {@snippet :
 * DeadLetterQueue dlq =
 *     new InMemoryDeadLetterQueue(bus, InMemoryMessageConsumer.deadLetterFor(greetings));
 * }
 */
public final class InMemoryDeadLetterQueue implements DeadLetterQueue {

  private final InMemoryBus bus;
  private final RoutingKey deadLetters;
  private final String channelName;

  /** The queue of the dead-letter routing key's own channel. */
  public InMemoryDeadLetterQueue(InMemoryBus bus, RoutingKey deadLetterRoutingKey) {
    this(bus, deadLetterRoutingKey, deadLetterRoutingKey.value());
  }

  /** The queue of channel {@code channelName} of the dead-letter routing key. */
  public InMemoryDeadLetterQueue(
      InMemoryBus bus, RoutingKey deadLetterRoutingKey, String channelName) {
    this.bus = requireNonNull(bus, "bus must not be null");
    this.deadLetters =
        requireNonNull(deadLetterRoutingKey, "deadLetterRoutingKey must not be null");
    this.channelName = requireNonNull(channelName, "channelName must not be null");
    bus.channel(deadLetterRoutingKey, channelName);
  }

  @Override
  public String name() {
    return channelName;
  }

  @Override
  public List<DeadLetter> peek(int limit) {
    List<Message> taken = take(limit);
    bus.restore(bus.channel(deadLetters, channelName), taken);
    return taken.stream().map(DeadLetter::of).toList();
  }

  @Override
  public int redrive(Predicate<DeadLetter> which, int limit) {
    requireNonNull(which, "which must not be null");
    List<Message> kept = new ArrayList<>();
    int redriven = 0;
    for (Message message : take(limit)) {
      DeadLetter letter = DeadLetter.of(message);
      if (letter.redrivable() && which.test(letter)) {
        Message copy = letter.redriveCopy();
        bus.publish(copy.header().topic(), copy, Duration.ZERO);
        redriven++;
      } else {
        kept.add(message);
      }
    }
    bus.restore(bus.channel(deadLetters, channelName), kept);
    return redriven;
  }

  @Override
  public long count() {
    return bus.pending(deadLetters, channelName);
  }

  @Override
  public long purge() {
    long waiting = bus.pending(deadLetters, channelName);
    bus.purge(deadLetters, channelName);
    return waiting;
  }

  private List<Message> take(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return limit == 0 ? List.of() : bus.take(deadLetters, channelName, limit, Duration.ZERO);
  }
}
