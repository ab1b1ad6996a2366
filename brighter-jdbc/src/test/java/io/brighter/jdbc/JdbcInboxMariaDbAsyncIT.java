package io.brighter.jdbc;

import io.brighter.inbox.InboxAsync;
import io.brighter.testing.inbox.InboxAsyncContract;

/** {@link InboxAsyncContract} on {@link JdbcInbox} with the MYSQL dialect. */
class JdbcInboxMariaDbAsyncIT extends InboxAsyncContract {

  private static final JdbcInbox INBOX =
      JdbcInbox.forDialect(SqlDialect.MYSQL, Databases.mariaDb())
          .withTableName("brighter_inbox_async_contract")
          .createTableIfMissing();

  @Override
  protected InboxAsync inbox() {
    return INBOX;
  }
}
