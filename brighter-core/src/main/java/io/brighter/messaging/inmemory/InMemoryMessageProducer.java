package io.brighter.messaging.inmemory;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageProducerAsync;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes messages on an {@link InMemoryBus}, each to the topic in its header (usually the
 * publication's topic; a reply goes to its reply address). It is both a blocking and a non-blocking
 * producer; the non-blocking methods do their work before returning a completed future.
 *
 * {@snippet :
 * var producer = new InMemoryMessageProducer(bus, publication);
 * producer.send(message);
 * producer.sendWithDelay(reminder, Duration.ofMinutes(5)); // visible when the bus clock says so
 * }
 *
 * <p>A delayed message is queued at once with its header's delay set, and consumers see it only
 * when the bus clock reaches the send time plus the delay. The publication's {@code makeChannels}
 * decides what happens to a missing topic when the producer is made: {@code CREATE} makes it,
 * {@code VALIDATE} fails, {@code ASSUME} does nothing (sending makes it anyway). Thread-safe.
 */
public final class InMemoryMessageProducer implements MessageProducer, MessageProducerAsync {

  private final InMemoryBus bus;
  private final Publication publication;

  /**
   * A producer for {@code publication} on {@code bus}.
   *
   * @throws ConfigurationException when the publication says {@code VALIDATE} and its topic does
   *     not exist
   */
  public InMemoryMessageProducer(InMemoryBus bus, Publication publication) {
    this.bus = requireNonNull(bus, "bus must not be null");
    this.publication = requireNonNull(publication, "publication must not be null");
    RoutingKey topic = publication.topic();
    switch (publication.makeChannels()) {
      case CREATE -> bus.declareTopic(topic);
      case VALIDATE -> {
        if (!bus.hasTopic(topic)) {
          throw new ConfigurationException("topic " + topic + " does not exist");
        }
      }
      case ASSUME -> {}
    }
  }

  @Override
  public Publication publication() {
    return publication;
  }

  @Override
  public void send(Message message) {
    sendWithDelay(message, Duration.ZERO);
  }

  /**
   * Publishes {@code message} with its header's delay set to {@code delay}, visible to consumers
   * once the bus clock has moved on by {@code delay}.
   */
  @Override
  public void sendWithDelay(Message message, Duration delay) {
    requireNonNull(message, "message must not be null");
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    Message delayed =
        delay.isZero() ? message : message.withHeader(message.header().withDelay(delay));
    bus.publish(message.header().topic(), delayed, delay);
  }

  @Override
  public CompletableFuture<Void> sendAsync(Message message) {
    return sendWithDelayAsync(message, Duration.ZERO);
  }

  @Override
  public CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
    try {
      sendWithDelay(message, delay);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Does nothing: the bus holds no connection. */
  @Override
  public void close() {}
}
