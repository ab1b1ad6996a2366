package io.brighter.dynamodb;

import io.brighter.aws.local.LocalDynamoDb;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.OutboxAsync;
import io.brighter.testing.outbox.OutboxAsyncContract;

/** The asynchronous outbox contract on dynalite, with the asynchronous unit of work. */
class DynamoDbOutboxAsyncIT extends OutboxAsyncContract {

  @Override
  protected OutboxAsync outbox() {
    return TestTables.OUTBOX;
  }

  @Override
  protected BoxTransactionProvider<?> newTransaction() {
    return new DynamoDbAsyncUnitOfWork(LocalDynamoDb.asyncClient());
  }
}
