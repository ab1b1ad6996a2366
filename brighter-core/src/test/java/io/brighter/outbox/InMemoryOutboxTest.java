package io.brighter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.fixtures.MovableClock;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryOutboxTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final MovableClock clock = new MovableClock(START);
  private final RequestContext context = new RequestContext();

  private static Message message(String id, Instant timestamp) {
    return new Message(
        MessageHeader.builder(Id.of(id), RoutingKey.of("greetings"), MessageType.EVENT)
            .timestamp(timestamp)
            .build(),
        MessageBody.json("{}"));
  }

  private static List<String> ids(List<Message> messages) {
    return messages.stream().map(m -> m.id().value()).toList();
  }

  @Nested
  class Bounds {

    @Test
    void over_the_entry_limit_the_oldest_dispatched_messages_are_dropped_first() {
      // given
      InMemoryOutbox outbox =
          new InMemoryOutbox(clock, InMemoryOutboxOptions.UNBOUNDED.withEntryLimit(3));
      outbox.add(List.of(message("a", START), message("b", START)), context, null);
      outbox.markDispatched(Id.of("b"), START);
      clock.advance(Duration.ofSeconds(1));
      outbox.markDispatched(Id.of("a"), START);
      outbox.add(message("c", START), context, null);

      // when
      outbox.add(message("d", START), context, null);

      // then
      assertThat(outbox.get(Id.of("b")).isEmpty()).isTrue();
      assertThat(ids(outbox.get(List.of(Id.of("a"), Id.of("c"), Id.of("d")))))
          .containsExactly("a", "c", "d");
    }

    @Test
    void outstanding_messages_are_kept_past_the_entry_limit() {
      // given
      InMemoryOutbox outbox =
          new InMemoryOutbox(clock, InMemoryOutboxOptions.UNBOUNDED.withEntryLimit(1));

      // when
      outbox.add(List.of(message("a", START), message("b", START)), context, null);

      // then
      assertThat(outbox.outstandingCount()).isEqualTo(2);
    }

    @Test
    void dispatched_messages_expire_once_kept_longer_than_their_time_to_live() {
      // given
      InMemoryOutbox outbox =
          new InMemoryOutbox(
              clock, InMemoryOutboxOptions.DEFAULT.withDispatchedTimeToLive(Duration.ofMinutes(5)));
      outbox.add(List.of(message("sent", START), message("waiting", START)), context, null);
      outbox.markDispatched(Id.of("sent"), START.minus(Duration.ofDays(1)));

      // when
      clock.advance(Duration.ofMinutes(5));
      Message atTimeToLive = outbox.get(Id.of("sent"));
      clock.advance(Duration.ofMillis(1));

      // then
      assertThat(atTimeToLive.isEmpty()).isFalse();
      assertThat(outbox.get(Id.of("sent")).isEmpty()).isTrue();
      assertThat(outbox.get(Id.of("waiting")).isEmpty()).isFalse();
    }

    @Test
    void options_reject_a_limit_or_time_to_live_that_is_not_positive() {
      assertThatThrownBy(() -> InMemoryOutboxOptions.DEFAULT.withEntryLimit(0))
          .isInstanceOf(ConfigurationException.class);
      assertThatThrownBy(
              () -> InMemoryOutboxOptions.DEFAULT.withDispatchedTimeToLive(Duration.ZERO))
          .isInstanceOf(ConfigurationException.class);
    }
  }

  @Nested
  class Ages {

    @Test
    void age_is_measured_from_the_header_timestamp_by_the_clock() {
      // given
      InMemoryOutbox outbox = new InMemoryOutbox(clock);
      outbox.add(message("m", START), context, null);

      // when
      List<Message> tooYoung = outbox.outstandingMessages(Duration.ofSeconds(10), 10);
      clock.advance(Duration.ofSeconds(10));

      // then
      assertThat(tooYoung).isEmpty();
      assertThat(ids(outbox.outstandingMessages(Duration.ofSeconds(10), 10))).containsExactly("m");
    }

    @Test
    void messages_with_the_same_timestamp_are_listed_in_the_order_they_were_added() {
      // given
      InMemoryOutbox outbox = new InMemoryOutbox(clock);
      outbox.add(List.of(message("z", START), message("a", START)), context, null);
      outbox.add(message("m", START), context, null);

      // when
      List<Message> listed = outbox.outstandingMessages(Duration.ZERO, 10);

      // then
      assertThat(ids(listed)).containsExactly("z", "a", "m");
    }

    @Test
    void a_page_size_below_one_is_rejected() {
      InMemoryOutbox outbox = new InMemoryOutbox(clock);

      assertThatThrownBy(() -> outbox.outstandingMessages(Duration.ZERO, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Claims {

    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);

    @Test
    void a_claimed_message_is_skipped_by_other_claims_until_its_lease_runs_out() {
      // given
      outbox.add(List.of(message("a", START), message("b", START)), context, null);
      List<Message> first = outbox.claimOutstanding(Duration.ZERO, 1, LEASE);

      // when
      List<Message> second = outbox.claimOutstanding(Duration.ZERO, 10, LEASE);
      clock.advance(LEASE);
      List<Message> afterLease = outbox.claimOutstanding(Duration.ZERO, 10, LEASE);

      // then
      assertThat(ids(first)).containsExactly("a");
      assertThat(ids(second)).containsExactly("b");
      assertThat(ids(afterLease)).containsExactly("a", "b");
    }

    @Test
    void claims_do_not_hide_messages_from_plain_listings_or_the_count() {
      // given
      outbox.add(message("a", START), context, null);

      // when
      outbox.claimOutstanding(Duration.ZERO, 10, LEASE);

      // then
      assertThat(ids(outbox.outstandingMessages(Duration.ZERO, 10))).containsExactly("a");
      assertThat(outbox.outstandingCount()).isOne();
    }

    @Test
    void a_dispatched_message_is_never_claimed() {
      // given
      outbox.add(message("a", START), context, null);
      outbox.claimOutstanding(Duration.ZERO, 10, LEASE);
      outbox.markDispatched(Id.of("a"), START);

      // when
      clock.advance(LEASE.multipliedBy(2));

      // then
      assertThat(outbox.claimOutstanding(Duration.ZERO, 10, LEASE)).isEmpty();
    }

    @Test
    void a_lease_must_be_positive() {
      assertThatThrownBy(() -> outbox.claimOutstanding(Duration.ZERO, 10, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Transactions {

    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);

    /** Hands out in-memory transactions but is not an {@link InMemoryUnitOfWork}. */
    private static final class WrappingProvider
        implements BoxTransactionProvider<InMemoryUnitOfWork.Transaction> {
      private final InMemoryUnitOfWork wrapped = new InMemoryUnitOfWork();

      @Override
      public InMemoryUnitOfWork.Transaction transaction() {
        return wrapped.transaction();
      }

      @Override
      public void commit() {
        wrapped.commit();
      }

      @Override
      public void rollback() {
        wrapped.rollback();
      }

      @Override
      public boolean hasOpenTransaction() {
        return wrapped.hasOpenTransaction();
      }
    }

    @Test
    void any_provider_but_an_in_memory_unit_of_work_is_a_configuration_error_naming_both_types() {
      Message message = message("a", START);

      assertThatThrownBy(() -> outbox.add(message, context, new WrappingProvider()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(WrappingProvider.class.getName())
          .hasMessageContaining(InMemoryUnitOfWork.class.getName());
      assertThat(outbox.addAsync(message, context, new WrappingProvider()))
          .failsWithin(Duration.ZERO)
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(ConfigurationException.class);
    }

    @Test
    void adds_in_a_unit_of_work_appear_on_commit_and_never_after_rollback() {
      // given
      InMemoryUnitOfWork committed = new InMemoryUnitOfWork();
      InMemoryUnitOfWork rolledBack = new InMemoryUnitOfWork();
      outbox.add(message("kept", START), context, committed);
      outbox.add(message("dropped", START), context, rolledBack);

      // when
      boolean visibleBeforeCommit = !outbox.get(Id.of("kept")).isEmpty();
      committed.commit();
      rolledBack.rollback();
      rolledBack.commit();

      // then
      assertThat(visibleBeforeCommit).isFalse();
      assertThat(outbox.get(Id.of("kept")).isEmpty()).isFalse();
      assertThat(outbox.get(Id.of("dropped")).isEmpty()).isTrue();
      assertThat(committed.hasOpenTransaction()).isFalse();
    }

    @Test
    void an_ended_transaction_takes_no_more_work() {
      // given
      InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
      InMemoryUnitOfWork.Transaction transaction = unitOfWork.transaction();
      unitOfWork.rollback();

      // when / then
      assertThatThrownBy(() -> transaction.onCommit(() -> {}))
          .isInstanceOf(IllegalStateException.class);
      assertThat(unitOfWork.transaction()).isNotSameAs(transaction);
    }
  }

  @Test
  void async_methods_complete_at_once() {
    InMemoryOutbox outbox = new InMemoryOutbox(clock);

    outbox.addAsync(message("a", START), context, null).join();

    assertThat(outbox.getAsync(Id.of("a"))).isCompleted();
    assertThat(outbox.outstandingCountAsync().join()).isOne();
    assertThatThrownBy(() -> outbox.outstandingMessagesAsync(Duration.ZERO, 0).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_limit_exception_records_the_outstanding_count_and_the_limit() {
    OutboxLimitReachedException e = OutboxLimitReachedException.of(11, 10);

    assertThat(e.outstanding()).isEqualTo(11);
    assertThat(e.limit()).isEqualTo(10);
    assertThat(e).hasMessageContaining("11").hasMessageContaining("limit of 10");
  }
}
