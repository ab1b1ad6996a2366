package io.brighter.testing.outbox;

import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxAsync;

/**
 * The rules of {@link OutboxContract}, checked through an {@link OutboxAsync} back end's
 * non-blocking methods: each case awaits the futures, and a failure carried by a future counts as
 * thrown. A back end that implements both SPIs has one test class for each.
 *
 * {@snippet :
 * class InMemoryOutboxAsyncContractTest extends OutboxAsyncContract {
 *   private final InMemoryOutbox outbox = new InMemoryOutbox();
 *
 *   @Override protected OutboxAsync outbox() { return outbox; }
 *   @Override protected BoxTransactionProvider<?> newTransaction() {
 *     return new InMemoryUnitOfWork();
 *   }
 * }
 * }
 *
 * <p>Time, store sharing and the hooks work as described for {@link OutboxContract}. Claiming is
 * not part of {@link OutboxAsync}, so there is no claim case here.
 */
public abstract class OutboxAsyncContract extends OutboxCases {

  /** The outbox under test; the same one on every call within a case. */
  protected abstract OutboxAsync outbox();

  @Override
  final Outbox subject() {
    return new BlockingOutbox(outbox());
  }
}
