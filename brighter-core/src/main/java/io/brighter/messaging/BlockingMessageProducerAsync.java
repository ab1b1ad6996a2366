package io.brighter.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link MessageProducerAsync} over a blocking {@link MessageProducer}: each send blocks a thread
 * of {@code executor}. Closing it leaves the blocking producer open; its owner closes that.
 */
final class BlockingMessageProducerAsync implements MessageProducerAsync {

  private final MessageProducer producer;
  private final Executor executor;

  BlockingMessageProducerAsync(MessageProducer producer, Executor executor) {
    this.producer = producer;
    this.executor = executor;
  }

  @Override
  public Publication publication() {
    return producer.publication();
  }

  @Override
  public CompletableFuture<Void> sendAsync(Message message) {
    return CompletableFuture.runAsync(() -> producer.send(message), executor);
  }

  @Override
  public CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
    return CompletableFuture.runAsync(() -> producer.sendWithDelay(message, delay), executor);
  }
}
