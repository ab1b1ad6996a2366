package io.brighter.dynamodb;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.testing.outbox.OutboxContract;

/** The outbox contract on dynalite, behind the transaction front. */
class DynamoDbOutboxIT extends OutboxContract {

  @Override
  protected Outbox outbox() {
    return TestTables.OUTBOX;
  }

  @Override
  protected BoxTransactionProvider<?> newTransaction() {
    return new DynamoDbUnitOfWork(TestTables.CLIENT);
  }
}
