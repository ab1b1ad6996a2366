package io.brighter.messaging.inmemory;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.RejectionHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 * <p>Received messages stay in flight until settled, each with a receipt of this consumer's. {@link
 * #reject} publishes the message to the dead-letter routing key (by default {@code
 * <routingKey>.dlq}) with the reason in its bag under {@link HeaderNames#REJECTION_REASON} and the
 * other rejection headers ({@link RejectionHeaders}). {@link #requeue} puts it at the back of the
 * channel, due after the delay, with its header's delay set and the handled count the message
 * carries (the message pump counts handlings before it requeues, as {@link MessageConsumer#requeue}
 * says). {@link #nack} puts it back at the head of the channel as it came, and {@link #close} does
 * so with every unsettled message.
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
  // The messages handed out and not settled, by receipt number, in the order received.
  private final Map<Long, Message> inFlight = new LinkedHashMap<>();
  private long received;
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
    List<Message> taken = bus.take(routingKey, channelName, bufferSize, timeout);
    synchronized (inFlight) {
      if (closed) {
        putBack(taken);
        return List.of();
      }
      List<Message> handedOut = new ArrayList<>(taken.size());
      for (Message message : taken) {
        long number = ++received;
        inFlight.put(number, message);
        handedOut.add(
            new Message(message.header(), message.body(), new InMemoryReceipt(this, number)));
      }
      return handedOut;
    }
  }

  @Override
  public void acknowledge(Message message) {
    settle(message);
  }

  @Override
  public boolean reject(Message message, RejectionReason reason) {
    requireNonNull(reason, "reason must not be null");
    if (settle(message) == null) {
      return false;
    }
    MessageHeader header =
        message.header().toBuilder()
            .bag(RejectionHeaders.of(message, reason, bus.clock().instant()))
            .build();
    bus.publish(deadLetterRoutingKey, new Message(header, message.body()), Duration.ZERO);
    return true;
  }

  @Override
  public boolean requeue(Message message, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    if (settle(message) == null) {
      return false;
    }
    MessageHeader header = message.header().withDelay(delay);
    bus.requeue(bus.channel(routingKey, channelName), new Message(header, message.body()), delay);
    return true;
  }

  /** Puts {@code message} back at the head of the channel as it was received. */
  @Override
  public boolean nack(Message message) {
    Message original = settle(message);
    if (original == null) {
      return false;
    }
    putBack(List.of(original));
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
      unsettled = List.copyOf(inFlight.values());
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

  /**
   * Takes the delivery {@code message}'s receipt stands for out of flight; the message as it was
   * received, or null when this consumer did not hand it out or it was settled before.
   */
  private @Nullable Message settle(Message message) {
    requireNonNull(message, "message must not be null");
    if (!(message.receipt() instanceof InMemoryReceipt receipt) || receipt.consumer() != this) {
      return null;
    }
    synchronized (inFlight) {
      return inFlight.remove(receipt.number());
    }
  }

  /** This consumer's token for one message it handed out. */
  private record InMemoryReceipt(InMemoryMessageConsumer consumer, long number)
      implements Receipt {}
}
