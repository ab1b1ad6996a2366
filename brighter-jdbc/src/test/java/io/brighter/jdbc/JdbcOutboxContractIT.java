package io.brighter.jdbc;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxAsync;
import io.brighter.testing.outbox.OutboxAsyncContract;
import io.brighter.testing.outbox.OutboxContract;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;

/** The outbox contracts, blocking and asynchronous, on every database {@link SqlDialect} serves. */
class JdbcOutboxContractIT {

  /** One outbox a database and table, its table made once per run. */
  private static final Map<String, JdbcOutbox> OUTBOXES = new ConcurrentHashMap<>();

  private static JdbcOutbox outboxOn(SqlDialect dialect, DataSource dataSource, String table) {
    return OUTBOXES.computeIfAbsent(
        dialect + "/" + table,
        key ->
            JdbcOutbox.forDialect(dialect, dataSource).withTableName(table).createTableIfMissing());
  }

  private static DataSource sqlite() {
    return Databases.sqlite("brighter-jdbc-outbox");
  }

  /** {@link OutboxContract} on one database. */
  abstract static class Blocking extends OutboxContract {
    private final DataSource dataSource;
    private final JdbcOutbox outbox;

    Blocking(SqlDialect dialect, DataSource dataSource) {
      this.dataSource = dataSource;
      this.outbox = outboxOn(dialect, dataSource, "brighter_outbox_contract");
    }

    @Override
    protected Outbox outbox() {
      return outbox;
    }

    @Override
    protected BoxTransactionProvider<?> newTransaction() {
      return new JdbcUnitOfWork(dataSource);
    }
  }

  /** {@link OutboxAsyncContract} on one database. */
  abstract static class Asynchronous extends OutboxAsyncContract {
    private final DataSource dataSource;
    private final JdbcOutbox outbox;

    Asynchronous(SqlDialect dialect, DataSource dataSource) {
      this.dataSource = dataSource;
      this.outbox = outboxOn(dialect, dataSource, "brighter_outbox_async_contract");
    }

    @Override
    protected OutboxAsync outbox() {
      return outbox;
    }

    @Override
    protected BoxTransactionProvider<?> newTransaction() {
      return new JdbcUnitOfWork(dataSource);
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
