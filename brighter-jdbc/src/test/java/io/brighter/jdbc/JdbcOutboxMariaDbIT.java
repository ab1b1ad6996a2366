package io.brighter.jdbc;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.testing.outbox.OutboxContract;
import javax.sql.DataSource;

class JdbcOutboxMariaDbIT extends OutboxContract {

  private static final DataSource DATA_SOURCE = Databases.mariaDb();
  private static final JdbcOutbox OUTBOX =
      JdbcOutbox.forDialect(SqlDialect.MYSQL, DATA_SOURCE)
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
