package io.brighter.messaging.inmemory;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads one channel of an {@link InMemoryBus}. Consumers with different channel names on one
 * routing key each get every message published there; consumers sharing a channel name compete,
 * each message going to one of them. The two-argument constructor uses the routing key as the
 * channel name.
 *
 * {@snippet :
 * var consumer = new InMemoryMessageConsumer(bus, RoutingKey.of("greeting.added"));
 * for (Message message : consumer.receive(Duration.ofSeconds(1))) {
 *   handle(message);
 *   consumer.acknowledge(message);
 * }
 * }
 *
 * <p>Received messages stay in flight until settled. {@link #reject} publishes the message to the
 * dead-letter routing key (by default {@code <routingKey>.dlq}) with the reason in its bag under
 * {@link HeaderNames#REJECTION_REASON}. {@link #requeue} puts it at the back of the channel, due
 * after the delay, with its header's delay set and the handled count the message carries (the
 * message pump counts handlings before it requeues, as {@link MessageConsumer#requeue} says).
 * {@link #close} puts unsettled messages back at the head of the channel. Messages are matched to
 * the in-flight ones by id.
 *
 * <p>Thread-safe, though a message pump calls it from one thread.
 */
public final class InMemoryMessageConsumer implements MessageConsumer {

  /** The buffer size used when none is given: one message per receive. */
  public static final int DEFAULT_BUFFER_SIZE = 1;

  private final InMemoryBus bus;
  private final RoutingKey routingKey;
  private final String channelName;
  private final int bufferSize;
  private final RoutingKey deadLetterRoutingKey;
  private final List<Message> inFlight = new ArrayList<>();
  private boolean closed;

  /**
   * A consumer of the channel named after {@code routingKey}, receiving one message at a time and
   * dead-lettering to {@code <routingKey>.dlq}.
   */
  public InMemoryMessageConsumer(InMemoryBus bus, RoutingKey routingKey) {
    this(bus, routingKey, DEFAULT_BUFFER_SIZE, deadLetterFor(routingKey));
  }

  /** A consumer of the channel named after {@code routingKey}. */
  public InMemoryMessageConsumer(
      InMemoryBus bus, RoutingKey routingKey, int bufferSize, RoutingKey deadLetterRoutingKey) {
    this(bus, routingKey, routingKey.value(), bufferSize, deadLetterRoutingKey);
  }

  /**
   * A consumer of the channel {@code channelName} on {@code routingKey}, made on the bus if
   * missing.
   *
   * @param bufferSize the most messages one {@link #receive} returns, at least 1
   * @param deadLetterRoutingKey where rejected messages are published
   */
  public InMemoryMessageConsumer(
      InMemoryBus bus,
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey) {
    this(bus, routingKey, channelName, bufferSize, deadLetterRoutingKey, OnMissingChannel.CREATE);
  }

  /**
   * A consumer of the channel {@code channelName} on {@code routingKey}. With {@link
   * OnMissingChannel#CREATE} the channel is made if missing; with {@code VALIDATE} it must exist;
   * with {@code ASSUME} nothing is made or checked, and receives find nothing until the channel is
   * made.
   *
   * @param bufferSize the most messages one {@link #receive} returns, at least 1
   * @param deadLetterRoutingKey where rejected messages are published
   * @throws ConfigurationException under {@code VALIDATE} when the channel does not exist
   */
  public InMemoryMessageConsumer(
      InMemoryBus bus,
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    this.bus = requireNonNull(bus, "bus must not be null");
    this.routingKey = requireNonNull(routingKey, "routingKey must not be null");
    this.channelName = requireNonNull(channelName, "channelName must not be null");
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1: " + bufferSize);
    }
    switch (requireNonNull(makeChannels, "makeChannels must not be null")) {
      case CREATE -> bus.declareChannel(routingKey, channelName);
      case VALIDATE -> {
        if (!bus.hasChannel(routingKey, channelName)) {
          throw new ConfigurationException(
              "channel " + channelName + " on " + routingKey + " does not exist");
        }
      }
      case ASSUME -> {}
    }
    this.bufferSize = bufferSize;
    this.deadLetterRoutingKey =
        requireNonNull(deadLetterRoutingKey, "deadLetterRoutingKey must not be null");
  }

  /**
   * The dead-letter routing key used by default for {@code routingKey}: {@code <routingKey>.dlq}.
   */
  public static RoutingKey deadLetterFor(RoutingKey routingKey) {
    return RoutingKey.of(
        requireNonNull(routingKey, "routingKey must not be null").value() + ".dlq");
  }

  /**
   * Up to the buffer size of due messages, waiting at most {@code timeout} for the first.
   *
   * @throws IllegalStateException when the consumer is closed
   */
  @Override
  public List<Message> receive(Duration timeout) {
    requireNonNull(timeout, "timeout must not be null");
    synchronized (inFlight) {
      if (closed) {
        throw new IllegalStateException("consumer of channel " + channelName + " is closed");
      }
    }
    List<Message> received = bus.take(routingKey, channelName, bufferSize, timeout);
    synchronized (inFlight) {
      if (closed) {
        putBack(received);
        return List.of();
      }
      inFlight.addAll(received);
    }
    return received;
  }

  @Override
  public void acknowledge(Message message) {
    settle(message);
  }

  @Override
  public boolean reject(Message message, String reason) {
    requireNonNull(reason, "reason must not be null");
    if (!settle(message)) {
      return false;
    }
    MessageHeader header = message.header().withBagEntry(HeaderNames.REJECTION_REASON, reason);
    bus.publish(deadLetterRoutingKey, message.withHeader(header), Duration.ZERO);
    return true;
  }

  @Override
  public boolean requeue(Message message, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    if (!settle(message)) {
      return false;
    }
    MessageHeader header = message.header().withDelay(delay);
    bus.requeue(bus.channel(routingKey, channelName), message.withHeader(header), delay);
    return true;
  }

  @Override
  public void purge() {
    bus.purge(routingKey, channelName);
  }

  /** Puts unsettled messages back at the head of the channel; closing twice does nothing. */
  @Override
  public void close() {
    List<Message> unsettled;
    synchronized (inFlight) {
      closed = true;
      unsettled = List.copyOf(inFlight);
      inFlight.clear();
    }
    putBack(unsettled);
  }

  /** Puts {@code messages}, received so from an existing channel, back at its head. */
  private void putBack(List<Message> messages) {
    if (!messages.isEmpty()) {
      bus.restore(bus.channel(routingKey, channelName), messages);
    }
  }

  /** Removes the in-flight message with {@code message}'s id; false when there is none. */
  private boolean settle(Message message) {
    requireNonNull(message, "message must not be null");
    synchronized (inFlight) {
      Iterator<Message> unsettled = inFlight.iterator();
      while (unsettled.hasNext()) {
        if (unsettled.next().id().equals(message.id())) {
          unsettled.remove();
          return true;
        }
      }
      return false;
    }
  }
}
