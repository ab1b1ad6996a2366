package io.brighter.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands items that arrive one by one on many threads to a slow consumer many at a time, off the
 * threads that add them: items queue here, and one virtual thread at a time drains the queue,
 * passing everything that waits to the sink in batches of at most {@code maxBatch}, so items that
 * arrive while the sink works go together in its next call. Made for broker callbacks (publish
 * confirmations) that must not wait for a database write. Not part of the public API. Thread-safe.
 *
 * {@snippet :
 * CoalescingDrain<Id> marks = new CoalescingDrain<>("brighter-marks", 500,
 *     ids -> outbox.markDispatched(ids, clock.instant()));
 * marks.addAll(confirmedIds);
 * }
 *
 * <p>A sink that throws is logged; the drain goes on with the next batch.
 *
 * @param <T> the items
 */
public final class CoalescingDrain<T> {

  private static final Logger LOG = LoggerFactory.getLogger(CoalescingDrain.class);
  private static final long IDLE_POLL_NANOS = 1_000_000;

  private final String threadName;
  private final int maxBatch;
  private final Consumer<List<T>> sink;
  private final Queue<T> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** A drain whose virtual thread is named {@code threadName}, passing {@code maxBatch} at most. */
  public CoalescingDrain(String threadName, int maxBatch, Consumer<List<T>> sink) {
    this.threadName = requireNonNull(threadName, "threadName must not be null");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
    }
    this.maxBatch = maxBatch;
    this.sink = requireNonNull(sink, "sink must not be null");
  }

  /** Queues {@code item} and starts a drain unless one runs. */
  public void add(T item) {
    pending.add(item);
    startDrain();
  }

  /** Queues {@code items} and starts a drain unless one runs. */
  public void addAll(Collection<? extends T> items) {
    if (items.isEmpty()) {
      return;
    }
    pending.addAll(items);
    startDrain();
  }

  private void startDrain() {
    if (draining.compareAndSet(false, true)) {
      Thread.ofVirtual().name(threadName).start(this::drain);
    }
  }

  /**
   * Waits up to {@code timeout} until everything added so far has been handed to the sink; whether
   * it was. For a producer that closes and must not drop the confirmations it owes.
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (draining.get() || !pending.isEmpty()) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      LockSupport.parkNanos(IDLE_POLL_NANOS);
    }
    return true;
  }

  private void drain() {
    while (true) {
      List<T> batch = nextBatch();
      if (batch.isEmpty()) {
        draining.set(false);
        // an item queued after the last poll but before the flag dropped must not wait
        if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      try {
        sink.accept(batch);
      } catch (RuntimeException e) {
        LOG.warn("{} failed on {} items", threadName, batch.size(), e);
      }
    }
  }

  private List<T> nextBatch() {
    List<T> batch = new ArrayList<>();
    T item;
    while (batch.size() < maxBatch && (item = pending.poll()) != null) {
      batch.add(item);
    }
    return batch;
  }
}
