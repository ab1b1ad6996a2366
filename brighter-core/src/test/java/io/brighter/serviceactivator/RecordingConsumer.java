package io.brighter.serviceactivator;

import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.RejectionReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a consumer, recording each settlement, and fails the first {@code failures} receives with a
 * {@link ChannelFailureException}, as a broker that is down would, and as many settlements as
 * {@code settlementFailures} says (shared by the consumers of one test) with an {@link
 * IllegalStateException}, as a broker that refuses them would.
 */
final class RecordingConsumer implements MessageConsumer {

  record Requeue(Message message, Duration delay) {}

  private final MessageConsumer inner;
  private final AtomicInteger failuresLeft;
  private final AtomicInteger settlementFailures;
  final AtomicInteger receiveFailures = new AtomicInteger();
  final List<Message> acknowledged = new CopyOnWriteArrayList<>();
  final List<Message> rejected = new CopyOnWriteArrayList<>();
  final List<Requeue> requeued = new CopyOnWriteArrayList<>();
  final List<Message> nacked = new CopyOnWriteArrayList<>();

  RecordingConsumer(MessageConsumer inner, int failures, AtomicInteger settlementFailures) {
    this.inner = inner;
    this.failuresLeft = new AtomicInteger(failures);
    this.settlementFailures = settlementFailures;
  }

  /** Lets the receives through from now on: the broker is back. */
  void recover() {
    failuresLeft.set(0);
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
    failIfAsked();
    acknowledged.add(message);
    inner.acknowledge(message);
  }

  @Override
  public boolean reject(Message message, RejectionReason reason) {
    failIfAsked();
    rejected.add(message);
    return inner.reject(message, reason);
  }

  @Override
  public boolean requeue(Message message, Duration delay) {
    failIfAsked();
    requeued.add(new Requeue(message, delay));
    return inner.requeue(message, delay);
  }

  private void failIfAsked() {
    if (settlementFailures.getAndDecrement() > 0) {
      throw new IllegalStateException("the broker did not take it");
    }
  }

  @Override
  public boolean nack(Message message) {
    failIfAsked();
    nacked.add(message);
    return inner.nack(message);
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
