package io.brighter.testing.inbox;

import io.brighter.inbox.Inbox;

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
 * empty; that a duplicate add is ignored and keeps the first request; and that an entry of another
 * request type with the same id reads as absent.
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
}
