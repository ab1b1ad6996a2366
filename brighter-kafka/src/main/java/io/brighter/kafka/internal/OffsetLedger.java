package io.brighter.kafka.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets a consumer may commit: per partition, the records handed out and not yet settled.
 * The committable offset of a partition is its lowest unsettled offset, or one past the highest
 * settled offset when none is unsettled, so no commit ever passes a message that was not handled,
 * and a fully settled partition commits up to its log end.
 *
 * {@snippet :
 * ledger.delivered(partition, 5);
 * ledger.delivered(partition, 6);
 * ledger.settled(partition, 6);
 * ledger.committable(); // {partition=5}: 5 is still unsettled
 * ledger.settled(partition, 5);
 * ledger.committable(); // {partition=7}
 * }
 *
 * <p>Not thread-safe: the consumer that owns it uses it from its one thread.
 */
public final class OffsetLedger {

  private final Map<TopicPartition, Partition> partitions = new HashMap<>();
  private int settledSinceCommit;

  /** Records that the record at {@code offset} of {@code partition} was handed out. */
  public void delivered(TopicPartition partition, long offset) {
    partitions.computeIfAbsent(partition, p -> new Partition()).unsettled.add(offset);
  }

  /**
   * Records that the record at {@code offset} was settled (acknowledged, rejected or requeued).
   *
   * @return false when the ledger did not hand it out, or no longer owns its partition
   */
  public boolean settled(TopicPartition partition, long offset) {
    Partition state = partitions.get(partition);
    if (state == null || !state.unsettled.remove(offset)) {
      return false;
    }
    state.next = Math.max(state.next, offset + 1);
    settledSinceCommit++;
    return true;
  }

  /** How many records were settled since the last {@link #committed}. */
  public int settledSinceCommit() {
    return settledSinceCommit;
  }

  /** The offsets to commit now, for every partition whose committable offset moved on. */
  public Map<TopicPartition, OffsetAndMetadata> committable() {
    return committable(partitions.keySet());
  }

  /** The offsets to commit now, for those of {@code wanted} whose committable offset moved on. */
  public Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> wanted) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : wanted) {
      Partition state = partitions.get(partition);
      if (state != null) {
        long offset = state.committable();
        if (offset > state.committed) {
          offsets.put(partition, new OffsetAndMetadata(offset));
        }
      }
    }
    return offsets;
  }

  /** Records that {@code offsets} were committed. */
  public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          Partition state = partitions.get(partition);
          if (state != null) {
            state.committed = Math.max(state.committed, offset.offset());
          }
        });
    settledSinceCommit = 0;
  }

  /**
   * Records that committing {@code offsets} failed, so the next commit sends those partitions'
   * offsets again even if they have not moved on.
   */
  public void commitFailed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach(
        (partition, offset) -> {
          Partition state = partitions.get(partition);
          if (state != null && state.committed == offset.offset()) {
            state.committed = -1;
          }
        });
  }

  /** Forgets {@code lost}: their records are no longer this consumer's to settle. */
  public void forget(Collection<TopicPartition> lost) {
    lost.forEach(partitions::remove);
  }

  /** One partition's bookkeeping. */
  private static final class Partition {
    private final TreeSet<Long> unsettled = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    /** Where the group should resume; -1 while nothing was settled, for there is no news. */
    long committable() {
      if (next < 0) {
        return -1;
      }
      return unsettled.isEmpty() ? next : Math.min(next, unsettled.first());
    }
  }
}
