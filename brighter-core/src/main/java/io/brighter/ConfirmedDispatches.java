package io.brighter;

import io.brighter.internal.CoalescingDrain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what brokers confirm, off the thread that delivered the confirmation: a producer's client
 * calls back on its own I/O thread, and an outbox write there (a database round trip per
 * confirmation) would hold up every later confirmation. Outcomes queue here; one virtual thread at
 * a time drains them, marking the delivered messages dispatched and giving back the claims of the
 * refused ones (so the next sweep may send them again at once), with one outbox call each per
 * {@value #MAX_BATCH} outcomes.
 *
 * <p>A relay that must not run ahead of its marks registers each message of a batch before it sends
 * it ({@link #expecting}) and {@link Expected#await waits} for their outcomes to be recorded, so a
 * process killed while relaying leaves at most one batch sent but not marked, which the sweeper
 * sends again.
 *
 * <p>A failed write is logged; the messages stay outstanding and the sweeper sends them again
 * (at-least-once).
 */
final class ConfirmedDispatches {

  /** The most outcomes one outbox call records. */
  static final int MAX_BATCH = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedDispatches.class);

  /** A broker's word on one message. */
  record Outcome(Id id, boolean delivered) {}

  private final Consumer<List<Id>> markDispatched;
  private final Consumer<List<Id>> releaseClaims;
  private final CoalescingDrain<Outcome> drain;
  private final Map<Id, Expected> expected = new ConcurrentHashMap<>();

  /**
   * Records with {@code markDispatched}, e.g. {@code ids -> outbox.markDispatched(ids, now)}, and
   * {@code releaseClaims}, e.g. {@code outbox::releaseClaims}.
   */
  ConfirmedDispatches(Consumer<List<Id>> markDispatched, Consumer<List<Id>> releaseClaims) {
    this.markDispatched = markDispatched;
    this.releaseClaims = releaseClaims;
    this.drain = new CoalescingDrain<>("brighter-confirmed-dispatches", MAX_BATCH, this::record);
  }

  /** Queues {@code outcomes} to be recorded, and starts a drain unless one runs. */
  void add(Collection<Outcome> outcomes) {
    drain.addAll(outcomes);
  }

  /** A new, empty set of outcomes for a relay to wait for. */
  Expected expecting() {
    return new Expected();
  }

  private void record(List<Outcome> outcomes) {
    List<Id> delivered = new ArrayList<>(outcomes.size());
    List<Id> refused = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      (outcome.delivered() ? delivered : refused).add(outcome.id());
    }
    write(markDispatched, delivered, "mark {} confirmed messages dispatched");
    write(releaseClaims, refused, "give back the claims of {} refused messages");
    for (Outcome outcome : outcomes) {
      Expected batch = expected.remove(outcome.id());
      if (batch != null) {
        batch.recorded();
      }
    }
  }

  private static void write(Consumer<List<Id>> store, List<Id> ids, String what) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      store.accept(ids);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not " + what + "; they stay outstanding and the sweeper sends them again",
          ids.size(),
          e);
    }
  }

  /**
   * The outcomes a relay waits for: it {@link #add}s each message it is about to send with a
   * producer that confirms later, then {@link #await}s them all. Used by the relay's thread, while
   * the drain records outcomes.
   */
  final class Expected {
    // One for each outcome not yet recorded, and one while the relay is still sending.
    private final AtomicInteger waiting = new AtomicInteger(1);
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private Expected() {}

    /** Waits for the outcome of {@code id}, which is about to be sent. */
    void add(Id id) {
      waiting.incrementAndGet();
      if (expected.putIfAbsent(id, this) != null) {
        recorded(); // another relay waits for it already
      }
    }

    /** {@code id} was not sent after all, so no outcome will come for it. */
    void forget(Id id) {
      if (expected.remove(id, this)) {
        recorded();
      }
    }

    /**
     * Waits at most {@code timeout} for every outcome added to be recorded; whether they all were.
     * Those still missing are no longer waited for: their messages stay claimed until their lease
     * ends.
     */
    boolean await(Duration timeout) {
      recorded();
      try {
        done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("{} publish confirmations did not come within {}", waiting.get(), timeout);
      }
      expected.values().removeIf(batch -> batch == this);
      return false;
    }

    private void recorded() {
      if (waiting.decrementAndGet() == 0) {
        done.complete(null);
      }
    }
  }
}
