package io.brighter.azure;

import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.RejectionReason;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A consumer made on its first use: for a dead-letter sub-queue whose channel comes later. */
final class DeadLetterReader implements MessageConsumer {

  private final Supplier<MessageConsumer> factory;
  private @Nullable MessageConsumer consumer;

  DeadLetterReader(Supplier<MessageConsumer> factory) {
    this.factory = factory;
  }

  private synchronized MessageConsumer consumer() {
    MessageConsumer made = consumer;
    if (made == null) {
      made = factory.get();
      consumer = made;
    }
    return made;
  }

  @Override
  public List<Message> receive(Duration timeout) {
    return consumer().receive(timeout);
  }

  @Override
  public void acknowledge(Message message) {
    consumer().acknowledge(message);
  }

  @Override
  public boolean reject(Message message, RejectionReason reason) {
    return consumer().reject(message, reason);
  }

  @Override
  public boolean requeue(Message message, Duration delay) {
    return consumer().requeue(message, delay);
  }

  @Override
  public boolean nack(Message message) {
    return consumer().nack(message);
  }

  @Override
  public void purge() {
    consumer().purge();
  }

  @Override
  public synchronized void close() {
    if (consumer != null) {
      consumer.close();
    }
  }
}
