package io.brighter.testing.inmemory;

import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryUnitOfWork;
import io.brighter.outbox.Outbox;
import io.brighter.testing.outbox.OutboxContract;

class InMemoryOutboxContractTest extends OutboxContract {

  private final InMemoryOutbox outbox = new InMemoryOutbox();

  @Override
  protected Outbox outbox() {
    return outbox;
  }

  @Override
  protected BoxTransactionProvider<?> newTransaction() {
    return new InMemoryUnitOfWork();
  }
}
