package io.brighter.testing.inbox;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.inbox.Inbox;
import io.brighter.outbox.BoxTransactionProvider;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link Inbox} back end keeps, as JUnit cases. A back end's test extends this
 * class and only supplies the subject:
 *
 * {@snippet :
 * class JdbcInboxPostgresIT extends InboxContract {
 *   private final JdbcInbox inbox = JdbcInbox.forDialect(SqlDialect.POSTGRES, Databases.postgres());
 *
 *   @Override protected Inbox inbox() { return inbox; }
 * }
 * }
 *
 * <p>The cases check that an added request exists and reads back equal (a record with an id, text,
 * an instant and a nested list, so the JSON round-trip is exercised); that the same id under two
 * context keys makes two independent entries; that an unknown entry does not exist and reads as
 * empty; that a duplicate add is ignored and keeps the first request; that an entry of another
 * request type with the same id reads as absent; and, for an inbox that offers transactions ({@link
 * Inbox#newTransaction}), that a request recorded in one exists once it commits and never after a
 * rollback.
 *
 * <p>Each case uses fresh ids and context keys and never truncates, so suites may share a store.
 * Instants are whole milliseconds; a store may keep more precision but not less. {@link #inbox()}
 * must return the same inbox on every call within a case (a field is simplest). For an asynchronous
 * back end extend {@link InboxAsyncContract} too.
 */
public abstract class InboxContract extends InboxCases {

  /** The inbox under test; the same one on every call within a case. */
  protected abstract Inbox inbox();

  @Override
  final Inbox subject() {
    return inbox();
  }

  @Test // #15: the handler's effect and the record commit together
  final void
      a_request_recorded_in_a_transaction_exists_once_it_commits_and_never_after_a_rollback() {
    BoxTransactionProvider<?> committing = inbox().newTransaction();
    if (committing == null) {
      return; // the inbox records after the handler's own commit; nothing to check
    }
    // given
    ContractCommand kept = command();
    ContractCommand dropped = command();
    String key = contextKey();

    // when
    inbox().add(kept, key, committing);
    boolean beforeCommit = inbox().exists(kept.id(), key, ContractCommand.class);
    committing.commit();
    BoxTransactionProvider<?> rollingBack = requireNonNull(inbox().newTransaction());
    inbox().add(dropped, key, rollingBack);
    rollingBack.rollback();

    // then
    assertThat(beforeCommit).as("seen before the commit").isFalse();
    assertThat(inbox().get(kept.id(), key, ContractCommand.class)).contains(kept);
    assertThat(inbox().exists(dropped.id(), key, ContractCommand.class)).isFalse();
  }
}
