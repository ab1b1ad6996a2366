package io.brighter.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends messages to one {@link Publication}'s topic on a broker. Transports implement it; the
 * outbox mediator and sweeper call it.
 *
 * {@snippet :
 * MessageProducer producer = new InMemoryMessageProducer(bus, publication);
 * producer.send(message);
 * }
 *
 * <p>{@link #send} returns when the broker has the message, or throws; a producer that learns of
 * delivery later says so with {@link #confirmsPublication()} and reports each outcome to the
 * listener given to {@link #onConfirmation}, and the mediator marks messages dispatched from that
 * report instead. Implementations are thread-safe.
 */
public interface MessageProducer extends AutoCloseable {

  /** The publication this producer sends to. */
  Publication publication();

  /** Sends {@code message} now. */
  void send(Message message);

  /**
   * Sends {@code message} to be delivered after {@code delay}: natively where the broker can delay,
   * else through a scheduler. A zero delay sends at once.
   *
   * @throws io.brighter.ConfigurationException when the producer can do neither
   */
  void sendWithDelay(Message message, Duration delay);

  /** Whether delivery is confirmed later through {@link #onConfirmation}; false by default. */
  default boolean confirmsPublication() {
    return false;
  }

  /** Registers the listener told of each confirmed or failed delivery; ignored by default. */
  default void onConfirmation(Consumer<PublishConfirmation> listener) {}

  /**
   * Registers a listener told of confirmed or failed deliveries several at a time, as the broker
   * reports them, so that it can record them in one write (the outbox marks a batch dispatched in
   * one statement). By default each confirmation given to the {@link #onConfirmation} listeners
   * arrives alone, as a batch of one; a producer whose broker acknowledges many messages at once
   * overrides it. Each confirmation reaches a listener once, whichever way it registered.
   *
   * @since 0.1.0
   */
  default void onConfirmations(Consumer<List<PublishConfirmation>> listener) {
    onConfirmation(confirmation -> listener.accept(List.of(confirmation)));
  }

  /**
   * The largest message, body and headers together, in bytes, that this producer's broker takes:
   * the outbox refuses a larger one when it is deposited ({@link MessageTooLargeException}), rather
   * than store a message no sweep can ever send. No limit by default.
   *
   * @since 0.2
   */
  default long maxMessageBytes() {
    return Long.MAX_VALUE;
  }

  /** Releases the producer's connection; the default does nothing. */
  @Override
  default void close() {}
}
