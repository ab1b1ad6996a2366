package io.brighter.jdbc;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.OutboxAsync;
import io.brighter.testing.outbox.OutboxAsyncContract;
import javax.sql.DataSource;

/** {@link OutboxAsyncContract} on {@link JdbcOutbox} with the MYSQL dialect. */
class JdbcOutboxMariaDbAsyncIT extends OutboxAsyncContract {

  private static final DataSource DATA_SOURCE = Databases.mariaDb();
  private static final JdbcOutbox OUTBOX =
      JdbcOutbox.forDialect(SqlDialect.MYSQL, DATA_SOURCE)
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
