package io.brighter;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks messages dispatched as their brokers confirm them, off the thread that delivered the
 * confirmation: a producer's client calls back on its own I/O thread, and an outbox write there (a
 * database round trip per confirmation) would hold up every later confirmation. Confirmed ids queue
 * here; one virtual thread at a time drains the queue, marking everything that waits with one
 * outbox call per {@value #MAX_BATCH} ids, so confirmations that arrive while it writes are marked
 * together next.
 *
 * <p>A failed mark is logged; the messages stay outstanding and the sweeper sends them again
 * (at-least-once).
 */
final class ConfirmedDispatches {

  /** The most ids one outbox call marks. */
  static final int MAX_BATCH = 500;

  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedDispatches.class);

  private final Consumer<List<Id>> markDispatched;
  private final Queue<Id> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** Marks with {@code markDispatched}, e.g. {@code ids -> outbox.markDispatched(ids, now)}. */
  ConfirmedDispatches(Consumer<List<Id>> markDispatched) {
    this.markDispatched = markDispatched;
  }

  /** Queues {@code ids} to be marked dispatched, and starts a drain unless one runs. */
  void add(List<Id> ids) {
    if (ids.isEmpty()) {
      return;
    }
    pending.addAll(ids);
    if (draining.compareAndSet(false, true)) {
      Thread.ofVirtual().name("brighter-confirmed-dispatches").start(this::drain);
    }
  }

  private void drain() {
    while (true) {
      List<Id> batch = nextBatch();
      if (batch.isEmpty()) {
        draining.set(false);
        // an id queued after the last poll but before the flag dropped must not wait
        if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      mark(batch);
    }
  }

  private List<Id> nextBatch() {
    List<Id> batch = new ArrayList<>();
    Id id;
    while (batch.size() < MAX_BATCH && (id = pending.poll()) != null) {
      batch.add(id);
    }
    return batch;
  }

  private void mark(List<Id> batch) {
    try {
      markDispatched.accept(batch);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not mark {} confirmed messages dispatched; they stay outstanding and the"
              + " sweeper sends them again",
          batch.size(),
          e);
    }
  }
}
