package io.brighter.jdbc;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.testing.outbox.OutboxContract;
import javax.sql.DataSource;

class JdbcOutboxPostgresIT extends OutboxContract {

  private static final DataSource DATA_SOURCE = Databases.postgres();
  private static final JdbcOutbox OUTBOX =
      JdbcOutbox.forDialect(SqlDialect.POSTGRES, DATA_SOURCE)
          .withTableName("brighter_outbox_contract")
          .createTableIfMissing();

  @Override
  protected Outbox outbox() {
    return OUTBOX;
  }

  @Override
  protected BoxTransactionProvider<?> newTransaction() {
    return new JdbcUnitOfWork(DATA_SOURCE);
  }
}
