package io.brighter.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking twin of {@link MessageProducer}: each future completes when the broker has the
 * message, or fails.
 */
public interface MessageProducerAsync extends AutoCloseable {

  /** The publication this producer sends to. */
  Publication publication();

  /** Sends {@code message} now. */
  CompletableFuture<Void> sendAsync(Message message);

  /** Sends {@code message} for delivery after {@code delay}. */
  CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay);

  /** Releases the producer's connection; the default does nothing. */
  @Override
  default void close() {}
}
