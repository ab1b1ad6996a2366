package io.brighter.jdbc;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.OutboxAsync;
import io.brighter.testing.outbox.OutboxAsyncContract;
import javax.sql.DataSource;

/** {@link OutboxAsyncContract} on {@link JdbcOutbox} with the SQLITE dialect. */
class JdbcOutboxSqliteAsyncIT extends OutboxAsyncContract {

  private static final DataSource DATA_SOURCE = Databases.sqlite("brighter-jdbc-outbox");
  private static final JdbcOutbox OUTBOX =
      JdbcOutbox.forDialect(SqlDialect.SQLITE, DATA_SOURCE)
          .withTableName("brighter_outbox_async_contract")
          .createTableIfMissing();

  @Override
  protected OutboxAsync outbox() {
    return OUTBOX;
  }

  @Override
  protected BoxTransactionProvider<?> newTransaction() {
    return new JdbcUnitOfWork(DATA_SOURCE);
  }
}
