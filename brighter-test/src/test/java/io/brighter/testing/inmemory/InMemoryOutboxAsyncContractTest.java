package io.brighter.testing.inmemory;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryUnitOfWork;
import io.brighter.outbox.OutboxAsync;
import io.brighter.testing.outbox.OutboxAsyncContract;

class InMemoryOutboxAsyncContractTest extends OutboxAsyncContract {

  private final InMemoryOutbox outbox = new InMemoryOutbox();

  @Override
  protected OutboxAsync outbox() {
    return outbox;
  }

  @Override
  protected BoxTransactionProvider<?> newTransaction() {
    return new InMemoryUnitOfWork();
  }
}
