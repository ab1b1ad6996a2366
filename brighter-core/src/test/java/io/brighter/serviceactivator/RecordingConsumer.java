package io.brighter.serviceactivator;

import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a consumer, recording each settlement, and fails the first {@code failures} receives with a
 * {@link ChannelFailureException}, as a broker that is down would.
 */
final class RecordingConsumer implements MessageConsumer {

  record Requeue(Message message, Duration delay) {}

  private final MessageConsumer inner;
  private final AtomicInteger failuresLeft;
  final AtomicInteger receiveFailures = new AtomicInteger();
  final List<Message> acknowledged = new CopyOnWriteArrayList<>();
  final List<Message> rejected = new CopyOnWriteArrayList<>();
  final List<Requeue> requeued = new CopyOnWriteArrayList<>();

  RecordingConsumer(MessageConsumer inner, int failures) {
    this.inner = inner;
    this.failuresLeft = new AtomicInteger(failures);
  }

  @Override
  public List<Message> receive(Duration timeout) {
    if (failuresLeft.getAndDecrement() > 0) {
      receiveFailures.incrementAndGet();
      throw new ChannelFailureException("broker down", null);
    }
    return inner.receive(timeout);
  }

  @Override
  public void acknowledge(Message message) {
    acknowledged.add(message);
    inner.acknowledge(message);
  }

  @Override
  public boolean reject(Message message, String reason) {
    rejected.add(message);
    return inner.reject(message, reason);
  }

  @Override
  public boolean requeue(Message message, Duration delay) {
    requeued.add(new Requeue(message, delay));
    return inner.requeue(message, delay);
  }

  @Override
  public void purge() {
    inner.purge();
  }

  @Override
  public void close() {
    inner.close();
  }
}
