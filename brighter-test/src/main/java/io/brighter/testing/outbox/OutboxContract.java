package io.brighter.testing.outbox;

import static io.brighter.testing.outbox.ContractMessages.ids;
import static io.brighter.testing.outbox.ContractMessages.idsAmong;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageType;
import io.brighter.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link Outbox} back end keeps, as JUnit cases. A back end's test extends this
 * class and only supplies the subject:
 *
 * {@snippet :
 * class JdbcOutboxPostgresIT extends OutboxContract {
 *   private static final DataSource DATA_SOURCE = Databases.postgres();
 *   private final JdbcOutbox outbox = JdbcOutbox.forDialect(SqlDialect.POSTGRES, DATA_SOURCE);
 *
 *   @Override protected Outbox outbox() { return outbox; }
 *   @Override protected BoxTransactionProvider<?> newTransaction() {
 *     return new JdbcUnitOfWork(DATA_SOURCE);
 *   }
 * }
 * }
 *
 * <p>The cases check that every header field and the body round-trip; that a duplicate add keeps
 * the first message without throwing; that get by ids skips unknown ones and an unknown id reads as
 * a {@code NONE} message; that outstanding messages are filtered by minimum age, listed oldest
 * first and paged; that marking dispatched (one or many) moves messages to the dispatched listing,
 * filtered by dispatch age and oldest first; that batches are visible in full; that delete removes
 * one or many and ignores unknown ids; that the outstanding count follows adds and dispatches; that
 * adds in a transaction appear on commit and never after rollback; that a transaction provider of a
 * foreign kind is a {@link io.brighter.ConfigurationException}; that {@link
 * Outbox#claimOutstanding} never hands one message to two claimers within the lease, leaves out the
 * topics it is told to, and hands out again at once a message whose claim was given back with
 * {@link Outbox#releaseClaims}; and that a message stored with {@link Outbox#schedule} is neither
 * listed nor claimed before it is due, may be moved or cancelled until then and not after, and
 * replaces a dispatched message of the same id, so that it is sent again.
 *
 * <p><b>Time.</b> Nothing moves a clock. As in the relational stores, an outstanding message's age
 * is the back end's now minus its header timestamp, and a dispatched message's age is now minus the
 * {@code dispatchedAt} given to {@code markDispatched}. The cases date "old" messages hours before
 * {@link #now()} and ask for a one-hour minimum age, so a back end whose clock (the JVM's or the
 * database's) is within minutes of the test's passes without mocking. Timestamps are whole
 * milliseconds; a store may keep more precision but not less.
 *
 * <p><b>Sharing a store.</b> Each case uses a fresh topic and fresh ids, deletes its messages
 * afterwards and never truncates, so suites may share one database. Listing cases read a page of
 * 1000 and keep only their own messages, so the store must hold fewer older outstanding messages
 * than that. The count case compares counts before and after, and the claim case claims everything
 * old enough for a few minutes, so those two need no other writer or claimer on the store while
 * they run (suites sharing a database run one after another).
 *
 * <p><b>Hooks.</b> {@link #outbox()} is called several times per case and must return the same
 * outbox each time within a case (a field is simplest: JUnit makes a new test instance per case).
 * {@link #newTransaction()} returns a new provider writing to the same store. Override {@link
 * #now()} when the outbox tells the time by another clock, and {@link #supportsClaiming()} when the
 * back end keeps {@link Outbox}'s non-claiming default. For an asynchronous back end extend {@link
 * OutboxAsyncContract} too.
 */
public abstract class OutboxContract extends OutboxCases {

  /** How long the claim case claims for: long enough to outlast the case. */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** The outbox under test; the same one on every call within a case. */
  protected abstract Outbox outbox();

  /**
   * Whether {@link Outbox#claimOutstanding} really claims. When it does not, the case checks it
   * returns the outstanding messages as {@link Outbox#outstandingMessages} does.
   */
  protected boolean supportsClaiming() {
    return true;
  }

  @Override
  final Outbox subject() {
    return outbox();
  }

  @Test
  final void a_claimed_message_is_not_handed_to_a_second_claimer_within_the_lease() {
    // given
    Message middle = message(Duration.ofHours(2));
    Message oldest = message(Duration.ofHours(3));
    List<Message> ours = List.of(middle, oldest);
    outbox().add(ours, context(), null);

    // when
    List<Message> first = outbox().claimOutstanding(MINIMUM_AGE, LISTING_PAGE, LEASE);
    List<Message> second = outbox().claimOutstanding(MINIMUM_AGE, LISTING_PAGE, LEASE);

    // then
    assertThat(idsAmong(first, ours)).containsExactly(oldest.id(), middle.id());
    if (supportsClaiming()) {
      assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
    } else {
      assertThat(idsAmong(second, ours)).containsExactly(oldest.id(), middle.id());
    }
  }

  @Test // #12: a failing topic's backlog must not fill the page healthy topics wait behind
  final void a_claim_leaves_out_the_excluded_topics() {
    // given
    Message failing = message(Duration.ofHours(3));
    Message healthy = otherTopicMessage(Duration.ofHours(2));
    List<Message> ours = List.of(failing, healthy);
    outbox().add(ours, context(), null);

    // when
    List<Message> claimed =
        outbox().claimOutstanding(MINIMUM_AGE, LISTING_PAGE, LEASE, Set.of(topic()));
    List<Message> later = outbox().claimOutstanding(MINIMUM_AGE, LISTING_PAGE, LEASE, Set.of());

    // then
    assertThat(idsAmong(claimed, ours)).containsExactly(healthy.id());
    assertThat(idsAmong(later, ours)).contains(failing.id());
  }

  @Test // #12: a failed send waited for the whole lease before it was tried again
  final void a_message_whose_claim_was_given_back_is_claimed_again_at_once() {
    // given
    Message older = message(Duration.ofHours(3));
    Message newer = message(Duration.ofHours(2));
    List<Message> ours = List.of(older, newer);
    outbox().add(ours, context(), null);
    List<Message> first = outbox().claimOutstanding(MINIMUM_AGE, LISTING_PAGE, LEASE);

    // when
    outbox().releaseClaims(List.of(older.id()));
    List<Message> second = outbox().claimOutstanding(MINIMUM_AGE, LISTING_PAGE, LEASE);

    // then
    assertThat(idsAmong(first, ours)).containsExactly(older.id(), newer.id());
    if (supportsClaiming()) {
      assertThat(idsAmong(second, ours)).containsExactly(older.id());
    } else {
      assertThat(idsAmong(second, ours)).containsExactly(older.id(), newer.id());
    }
  }

  @Test // #15: durable delays
  final void a_scheduled_message_is_neither_listed_nor_claimed_until_it_is_due() {
    // given two old messages, one due long enough ago, one due in an hour
    Message due = message(Duration.ofHours(3));
    Message notYet = message(Duration.ofHours(2));
    List<Message> ours = List.of(due, notYet);
    outbox().schedule(List.of(due), dueLongAgo(), context(), null);
    outbox().schedule(List.of(notYet), inAnHour(), context(), null);

    // when
    List<Message> listed = outbox().outstandingMessages(MINIMUM_AGE, LISTING_PAGE);
    List<Message> claimed = outbox().claimOutstanding(MINIMUM_AGE, LISTING_PAGE, LEASE);

    // then
    assertThat(idsAmong(listed, ours)).containsExactly(due.id());
    assertThat(idsAmong(claimed, ours)).containsExactly(due.id());
    assertThat(outbox().get(notYet.id()).id()).isEqualTo(notYet.id());
  }

  @Test // #15: durable delays
  final void a_scheduled_message_may_be_moved_until_it_is_due_and_not_after() {
    // given
    Message message = message(Duration.ofHours(3));
    outbox().schedule(List.of(message), inAnHour(), context(), null);

    // when
    boolean moved = outbox().reschedule(message.id(), dueLongAgo());
    List<Message> listed = outbox().outstandingMessages(MINIMUM_AGE, LISTING_PAGE);

    // then
    assertThat(moved).isTrue();
    assertThat(idsAmong(listed, List.of(message))).containsExactly(message.id());
    assertThat(outbox().reschedule(message.id(), inAnHour())).as("due already").isFalse();
    assertThat(outbox().cancelScheduled(message.id())).as("due already").isFalse();
    assertThat(outbox().reschedule(Id.random(), inAnHour())).as("unknown").isFalse();
  }

  @Test // #15: durable delays
  final void a_cancelled_scheduled_message_is_gone() {
    // given
    Message message = message(Duration.ofHours(3));
    Message added = message(Duration.ofHours(3));
    outbox().schedule(List.of(message), inAnHour(), context(), null);
    outbox().add(List.of(added), context(), null);

    // when
    boolean cancelled = outbox().cancelScheduled(message.id());

    // then
    assertThat(cancelled).isTrue();
    assertThat(outbox().get(message.id()).header().messageType()).isEqualTo(MessageType.NONE);
    assertThat(outbox().cancelScheduled(message.id())).as("cancelled already").isFalse();
    assertThat(outbox().cancelScheduled(added.id())).as("never scheduled").isFalse();
    assertThat(outbox().get(added.id()).id()).isEqualTo(added.id());
  }

  @Test // #15: a delayed requeue of a message this outbox sent stores it again
  final void scheduling_a_dispatched_message_again_replaces_it_and_sends_it_again() {
    // given
    Message sent = message(Duration.ofHours(3));
    outbox().add(List.of(sent), context(), null);
    outbox().markDispatched(sent.id(), now().minus(Duration.ofHours(2)));
    Message again = sent.withHeader(sent.header().withHandledCount(1));

    // when
    outbox().schedule(List.of(again), dueLongAgo(), context(), null);

    // then
    List<Message> listed = outbox().outstandingMessages(MINIMUM_AGE, LISTING_PAGE);
    assertThat(idsAmong(listed, List.of(sent))).containsExactly(sent.id());
    assertThat(outbox().get(sent.id()).header().handledCount()).isEqualTo(1);
  }

  /**
   * A due time more than the minimum age ago: back ends differ in whether a scheduled message's age
   * counts from its timestamp or its due time, and such a message is outstanding under both.
   */
  private Instant dueLongAgo() {
    return now().minus(Duration.ofHours(2));
  }

  private Instant inAnHour() {
    return now().plus(Duration.ofHours(1));
  }
}
