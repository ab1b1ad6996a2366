package io.brighter.jdbc;

import io.brighter.inbox.Inbox;
import io.brighter.testing.inbox.InboxContract;

class JdbcInboxMariaDbIT extends InboxContract {

  private static final JdbcInbox INBOX =
      JdbcInbox.forDialect(SqlDialect.MYSQL, Databases.mariaDb())
          .withTableName("brighter_inbox_contract")
          .createTableIfMissing();

  @Override
  protected Inbox inbox() {
    return INBOX;
  }
}
