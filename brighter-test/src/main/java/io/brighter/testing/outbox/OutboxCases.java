package io.brighter.testing.outbox;

import static io.brighter.testing.outbox.ContractMessages.assertSameMessage;
import static io.brighter.testing.outbox.ContractMessages.ids;
import static io.brighter.testing.outbox.ContractMessages.idsAmong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cases {@link OutboxContract} and {@link OutboxAsyncContract} share, written against a
 * blocking {@link Outbox}; see {@link OutboxContract} for the rules they check.
 */
abstract class OutboxCases {

  /** How far back the cases date "old" messages, far beyond any clock skew. */
  static final Duration MINIMUM_AGE = Duration.ofHours(1);

  /** The page the listing cases read, then keep only their own messages from. */
  static final int LISTING_PAGE = 1000;

  private final ContractMessages messages = new ContractMessages();
  private final List<Message> added = new ArrayList<>();
  private final RequestContext context = new RequestContext();

  /** The outbox under test, seen through the blocking SPI. */
  abstract Outbox subject();

  /**
   * A new transaction provider of the kind the back end takes, writing to the same store as the
   * outbox under test.
   */
  protected abstract BoxTransactionProvider<?> newTransaction();

  /**
   * The present as the back end sees it; the cases date their messages from it. The system clock
   * unless overridden, e.g. with a database's {@code now()} or a test clock the outbox also uses.
   */
  protected Instant now() {
    return Instant.now();
  }

  /** A message on this case's topic made {@code ago} before {@link #now()}, to be cleaned up. */
  final Message message(Duration ago) {
    return track(messages.at(now().minus(ago)));
  }

  /** A message on the case's second topic made {@code ago} before {@link #now()}. */
  final Message otherTopicMessage(Duration ago) {
    return track(messages.at(now().minus(ago), messages.otherTopic()));
  }

  /** The case's first topic. */
  final RoutingKey topic() {
    return messages.topic();
  }

  final RequestContext context() {
    return context;
  }

  private Message track(Message message) {
    added.add(message);
    return message;
  }

  @AfterEach
  final void deleteTheMessagesOfThisCase() {
    subject().delete(ids(added));
  }

  @Test
  final void adding_then_getting_round_trips_every_header_field_and_the_body() {
    // given
    Message sent = track(messages.full(now()));

    // when
    subject().add(sent, context, null);

    // then
    assertSameMessage(subject().get(sent.id()), sent);
  }

  @Test
  final void adding_a_message_twice_keeps_the_first_and_does_not_throw() {
    // given
    Message first = message(Duration.ZERO);
    Message second = first.withBody(MessageBody.json("{\"greeting\":\"second\"}"));
    subject().add(first, context, null);

    // when / then
    assertThatCode(() -> subject().add(second, context, null)).doesNotThrowAnyException();
    assertSameMessage(subject().get(first.id()), first);
  }

  @Test
  final void getting_several_ids_returns_the_known_ones_and_skips_the_unknown() {
    // given
    Message one = message(Duration.ZERO);
    Message two = message(Duration.ZERO);
    subject().add(List.of(one, two), context, null);

    // when
    List<Message> found = subject().get(List.of(one.id(), Id.random(), two.id()));

    // then
    assertThat(ids(found)).containsExactlyInAnyOrder(one.id(), two.id());
  }

  @Test
  final void getting_an_unknown_id_returns_a_message_of_type_none() {
    // given
    Id unknown = Id.random();

    // when
    Message found = subject().get(unknown);

    // then
    assertThat(found.id()).isEqualTo(unknown);
    assertThat(found.header().messageType()).isEqualTo(MessageType.NONE);
  }

  @Test
  final void outstanding_messages_are_those_old_enough_oldest_first() {
    // given
    Message middle = message(Duration.ofHours(2));
    Message oldest = message(Duration.ofHours(3));
    Message young = message(Duration.ZERO);
    subject().add(List.of(middle, young, oldest), context, null);

    // when
    List<Message> outstanding = subject().outstandingMessages(MINIMUM_AGE, LISTING_PAGE);

    // then
    assertThat(idsAmong(outstanding, List.of(middle, oldest, young)))
        .containsExactly(oldest.id(), middle.id());
    assertThat(outstanding).extracting(m -> m.header().timestamp()).isSorted();
  }

  @Test
  final void outstanding_messages_come_a_page_at_a_time() {
    // given
    subject()
        .add(List.of(message(Duration.ofHours(3)), message(Duration.ofHours(2))), context, null);

    // when
    List<Message> page = subject().outstandingMessages(MINIMUM_AGE, 1);

    // then
    assertThat(page).hasSize(1);
  }

  @Test
  final void a_dispatched_message_is_no_longer_outstanding_and_is_listed_by_dispatch_age() {
    // given
    Message sentLongAgo = message(Duration.ofHours(4));
    Message sentLater = message(Duration.ofHours(4));
    Message sentRecently = message(Duration.ofHours(4));
    subject().add(List.of(sentLongAgo, sentLater, sentRecently), context, null);

    // when
    subject().markDispatched(sentLater.id(), now().minus(Duration.ofHours(2)));
    subject().markDispatched(sentLongAgo.id(), now().minus(Duration.ofHours(3)));
    subject().markDispatched(sentRecently.id(), now().minus(Duration.ofMinutes(5)));

    // then
    List<Message> ours = List.of(sentLongAgo, sentLater, sentRecently);
    assertThat(idsAmong(subject().outstandingMessages(MINIMUM_AGE, LISTING_PAGE), ours)).isEmpty();
    assertThat(idsAmong(subject().dispatchedMessages(MINIMUM_AGE, LISTING_PAGE), ours))
        .containsExactly(sentLongAgo.id(), sentLater.id());
    assertThat(idsAmong(subject().dispatchedMessages(Duration.ZERO, LISTING_PAGE), ours))
        .containsExactly(sentLongAgo.id(), sentLater.id(), sentRecently.id());
  }

  @Test
  final void marking_several_messages_dispatched_marks_each() {
    // given
    List<Message> ours = List.of(message(Duration.ofHours(2)), message(Duration.ofHours(2)));
    subject().add(ours, context, null);

    // when
    subject().markDispatched(ids(ours), now().minus(Duration.ofHours(2)));

    // then
    assertThat(idsAmong(subject().outstandingMessages(MINIMUM_AGE, LISTING_PAGE), ours)).isEmpty();
    assertThat(idsAmong(subject().dispatchedMessages(MINIMUM_AGE, LISTING_PAGE), ours))
        .containsExactlyInAnyOrderElementsOf(ids(ours));
  }

  @Test
  final void a_batch_added_at_once_is_visible_in_full() {
    // given
    List<Message> batch =
        List.of(message(Duration.ZERO), message(Duration.ZERO), message(Duration.ZERO));

    // when
    subject().add(batch, context, null);

    // then
    assertThat(ids(subject().get(ids(batch)))).containsExactlyInAnyOrderElementsOf(ids(batch));
  }

  @Test
  final void a_large_batch_with_messages_already_stored_keeps_each_once_and_the_first_version() {
    // given: more messages than a store may write in one statement, two of them stored already
    List<Message> batch = new ArrayList<>();
    for (int n = 0; n < 75; n++) {
      batch.add(message(Duration.ZERO));
    }
    Message storedFirst = batch.get(3);
    Message storedLast = batch.get(74);
    subject().add(List.of(storedFirst, storedLast), context, null);
    List<Message> again = new ArrayList<>(batch);
    again.set(3, storedFirst.withBody(MessageBody.json("{\"greeting\":\"second\"}")));

    // when
    subject().add(again, context, null);

    // then
    List<Message> found = subject().get(ids(batch));
    assertThat(ids(found)).containsExactlyInAnyOrderElementsOf(ids(batch));
    assertSameMessage(subject().get(storedFirst.id()), storedFirst);
  }

  @Test
  final void deleting_removes_one_or_many_messages_and_ignores_unknown_ids() {
    // given
    Message alone = message(Duration.ZERO);
    Message first = message(Duration.ZERO);
    Message second = message(Duration.ZERO);
    Message kept = message(Duration.ZERO);
    subject().add(List.of(alone, first, second, kept), context, null);

    // when
    subject().delete(List.of(alone.id()));
    subject().delete(List.of(first.id(), second.id(), Id.random()));

    // then
    assertThat(ids(subject().get(ids(List.of(alone, first, second, kept)))))
        .containsExactly(kept.id());
    assertThat(subject().get(alone.id()).header().messageType()).isEqualTo(MessageType.NONE);
  }

  @Test
  final void the_outstanding_count_follows_adds_and_dispatches() {
    // given
    long before = subject().outstandingCount();
    Message toSend = message(Duration.ZERO);

    // when
    subject().add(List.of(toSend, message(Duration.ZERO)), context, null);
    long afterAdding = subject().outstandingCount();
    subject().markDispatched(toSend.id(), now());

    // then
    assertThat(afterAdding).isEqualTo(before + 2);
    assertThat(subject().outstandingCount()).isEqualTo(before + 1);
  }

  /** Adds one message alone, then a batch of two, in {@code transaction}; returns all three. */
  private List<Message> addOneThenABatch(BoxTransactionProvider<?> transaction) {
    Message single = message(Duration.ZERO);
    List<Message> batch = List.of(message(Duration.ZERO), message(Duration.ZERO));
    subject().add(single, context, transaction);
    subject().add(batch, context, transaction);
    return List.of(single, batch.get(0), batch.get(1));
  }

  @Test
  final void adds_in_a_transaction_appear_when_it_commits() {
    // given
    BoxTransactionProvider<?> transaction = newTransaction();

    // when
    List<Message> staged = addOneThenABatch(transaction);
    boolean openAfterAdding = transaction.hasOpenTransaction();
    List<Message> seenBeforeCommit = subject().get(ids(staged));
    transaction.commit();

    // then
    assertThat(openAfterAdding).as("transaction open after adding").isTrue();
    assertThat(seenBeforeCommit).as("seen before commit").isEmpty();
    assertThat(transaction.hasOpenTransaction()).as("transaction open after commit").isFalse();
    assertSameMessage(subject().get(staged.getFirst().id()), staged.getFirst());
    assertThat(ids(subject().get(ids(staged)))).containsExactlyInAnyOrderElementsOf(ids(staged));
  }

  @Test
  final void adds_in_a_transaction_that_rolls_back_never_appear() {
    // given
    BoxTransactionProvider<?> transaction = newTransaction();
    List<Message> staged = addOneThenABatch(transaction);

    // when
    transaction.rollback();

    // then
    assertThat(transaction.hasOpenTransaction()).as("transaction open after rollback").isFalse();
    assertThat(subject().get(ids(staged))).isEmpty();
    assertThat(subject().get(staged.getFirst().id()).header().messageType())
        .isEqualTo(MessageType.NONE);
  }

  @Test
  final void a_transaction_provider_of_a_foreign_kind_is_a_configuration_error() {
    // given
    Message message = message(Duration.ZERO);

    // when / then
    assertThatThrownBy(() -> subject().add(message, context, new ForeignTransactionProvider()))
        .isInstanceOf(ConfigurationException.class);
    assertThat(subject().get(message.id()).header().messageType()).isEqualTo(MessageType.NONE);
  }

  /** A transaction provider no back end can know. */
  private static final class ForeignTransactionProvider
      implements BoxTransactionProvider<ForeignTransactionProvider.Transaction> {

    private record Transaction() {}

    @Override
    public Transaction transaction() {
      return new Transaction();
    }

    @Override
    public void commit() {}

    @Override
    public void rollback() {}

    @Override
    public boolean hasOpenTransaction() {
      return false;
    }
  }
}
