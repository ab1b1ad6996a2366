package io.brighter.jdbc;

import io.brighter.inbox.InboxAsync;
import io.brighter.testing.inbox.InboxAsyncContract;

/** {@link InboxAsyncContract} on {@link JdbcInbox} with the SQLITE dialect. */
class JdbcInboxSqliteAsyncIT extends InboxAsyncContract {

  private static final JdbcInbox INBOX =
      JdbcInbox.forDialect(SqlDialect.SQLITE, Databases.sqlite("brighter-jdbc-inbox"))
          .withTableName("brighter_inbox_async_contract")
          .createTableIfMissing();

  @Override
  protected InboxAsync inbox() {
    return INBOX;
  }
}
