package io.brighter.jdbc;

import io.brighter.inbox.Inbox;
import io.brighter.inbox.InboxAsync;
import io.brighter.testing.inbox.InboxAsyncContract;
import io.brighter.testing.inbox.InboxContract;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;

/** The inbox contracts, blocking and asynchronous, on every database {@link SqlDialect} serves. */
class JdbcInboxContractIT {

  /** One inbox a database and table, its table made once per run. */
  private static final Map<String, JdbcInbox> INBOXES = new ConcurrentHashMap<>();

  private static JdbcInbox inboxOn(SqlDialect dialect, DataSource dataSource, String table) {
    return INBOXES.computeIfAbsent(
        dialect + "/" + table,
        key ->
            JdbcInbox.forDialect(dialect, dataSource).withTableName(table).createTableIfMissing());
  }

  private static DataSource sqlite() {
    return Databases.sqlite("brighter-jdbc-inbox");
  }

  /** {@link InboxContract} on one database. */
  abstract static class Blocking extends InboxContract {
    private final JdbcInbox inbox;

    Blocking(SqlDialect dialect, DataSource dataSource) {
      this.inbox = inboxOn(dialect, dataSource, "brighter_inbox_contract");
    }

    @Override
    protected Inbox inbox() {
      return inbox;
    }
  }

  /** {@link InboxAsyncContract} on one database. */
  abstract static class Asynchronous extends InboxAsyncContract {
    private final JdbcInbox inbox;

    Asynchronous(SqlDialect dialect, DataSource dataSource) {
      this.inbox = inboxOn(dialect, dataSource, "brighter_inbox_async_contract");
    }

    @Override
    protected InboxAsync inbox() {
      return inbox;
    }
  }

  @Nested
  class OnPostgres extends Blocking {
    OnPostgres() {
      super(SqlDialect.POSTGRES, Databases.postgres());
    }
  }

  @Nested
  class OnMariaDb extends Blocking {
    OnMariaDb() {
      super(SqlDialect.MYSQL, Databases.mariaDb());
    }
  }

  @Nested
  class OnSqlite extends Blocking {
    OnSqlite() {
      super(SqlDialect.SQLITE, sqlite());
    }
  }

  @Nested
  class AsyncOnPostgres extends Asynchronous {
    AsyncOnPostgres() {
      super(SqlDialect.POSTGRES, Databases.postgres());
    }
  }

  @Nested
  class AsyncOnMariaDb extends Asynchronous {
    AsyncOnMariaDb() {
      super(SqlDialect.MYSQL, Databases.mariaDb());
    }
  }

  @Nested
  class AsyncOnSqlite extends Asynchronous {
    AsyncOnSqlite() {
      super(SqlDialect.SQLITE, sqlite());
    }
  }
}
