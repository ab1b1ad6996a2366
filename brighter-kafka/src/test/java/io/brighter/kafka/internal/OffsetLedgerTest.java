package io.brighter.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);

  private final OffsetLedger ledger = new OffsetLedger();

  @Test
  void a_fully_settled_partition_commits_one_past_its_last_offset() {
    // given
    deliver(P0, 0, 1, 2);

    // when
    ledger.settled(P0, 0);
    ledger.settled(P0, 1);
    ledger.settled(P0, 2);

    // then: the log end, so no lag is left behind (#4281)
    assertThat(ledger.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void an_unsettled_message_holds_its_partition_at_its_offset() {
    // given
    deliver(P0, 5, 6, 7);

    // when
    ledger.settled(P0, 5);
    ledger.settled(P0, 7);

    // then
    assertThat(ledger.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(6)));
  }

  @Test
  void partitions_are_committed_independently() {
    // given
    deliver(P0, 0);
    deliver(P1, 0);

    // when
    ledger.settled(P1, 0);

    // then
    assertThat(ledger.committable()).isEqualTo(Map.of(P1, new OffsetAndMetadata(1)));
  }

  @Test
  void a_committed_offset_is_not_committed_again_until_it_moves_on() {
    // given
    deliver(P0, 0, 1);
    ledger.settled(P0, 0);
    ledger.committed(ledger.committable());

    // when
    Map<TopicPartition, OffsetAndMetadata> unchanged = ledger.committable();
    ledger.settled(P0, 1);

    // then
    assertThat(unchanged).isEmpty();
    assertThat(ledger.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    assertThat(ledger.settledSinceCommit()).isEqualTo(1);
  }

  @Test
  void a_failed_commit_is_offered_again() {
    // given
    deliver(P0, 0);
    ledger.settled(P0, 0);
    Map<TopicPartition, OffsetAndMetadata> offsets = ledger.committable();
    ledger.committed(offsets);

    // when
    ledger.commitFailed(offsets);

    // then
    assertThat(ledger.committable()).isEqualTo(offsets);
  }

  @Test
  void settling_twice_or_after_the_partition_was_lost_counts_nothing() {
    // given
    deliver(P0, 0);
    deliver(P1, 0);
    ledger.settled(P0, 0);

    // when
    boolean again = ledger.settled(P0, 0);
    ledger.forget(List.of(P1));
    boolean lost = ledger.settled(P1, 0);

    // then
    assertThat(again).isFalse();
    assertThat(lost).isFalse();
    assertThat(ledger.settledSinceCommit()).isEqualTo(1);
    assertThat(ledger.committable()).containsOnlyKeys(P0);
  }

  private void deliver(TopicPartition partition, long... offsets) {
    for (long offset : offsets) {
      ledger.delivered(partition, offset);
    }
  }
}
