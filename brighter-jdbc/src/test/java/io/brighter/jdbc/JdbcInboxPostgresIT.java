package io.brighter.jdbc;

import io.brighter.inbox.Inbox;
import io.brighter.testing.inbox.InboxContract;

class JdbcInboxPostgresIT extends InboxContract {

  private static final JdbcInbox INBOX =
      JdbcInbox.forDialect(SqlDialect.POSTGRES, Databases.postgres())
          .withTableName("brighter_inbox_contract")
          .createTableIfMissing();

  @Override
  protected Inbox inbox() {
    return INBOX;
  }
}
