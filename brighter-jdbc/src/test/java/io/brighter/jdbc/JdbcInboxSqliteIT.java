package io.brighter.jdbc;

import io.brighter.inbox.Inbox;
import io.brighter.testing.inbox.InboxContract;

class JdbcInboxSqliteIT extends InboxContract {

  private static final JdbcInbox INBOX =
      JdbcInbox.forDialect(SqlDialect.SQLITE, Databases.sqlite("brighter-jdbc-inbox"))
          .withTableName("brighter_inbox_contract")
          .createTableIfMissing();

  @Override
  protected Inbox inbox() {
    return INBOX;
  }
}
