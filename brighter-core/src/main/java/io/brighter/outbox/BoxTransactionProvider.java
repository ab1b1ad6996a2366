package io.brighter.outbox;

/**
 * The caller's transaction, handed to {@code depositPost} so the outbox writes its messages in the
 * same transaction as the business data: either both commit or neither does.
 *
 * {@snippet :
 * JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
 * try {
 *   greetings.save(unitOfWork.connection(), greeting);
 *   commandProcessor.depositPost(new GreetingAdded(Id.random(), "Ada"), unitOfWork);
 *   unitOfWork.commit();
 * } catch (RuntimeException e) {
 *   unitOfWork.rollback();
 *   throw e;
 * }
 * }
 *
 * <p>An outbox back end accepts the provider types it understands (a JDBC outbox takes one whose
 * transaction is a {@code java.sql.Connection}) and rejects others with a {@link
 * io.brighter.ConfigurationException}. A provider is used by one thread at a time.
 *
 * @param <T> the transaction type, e.g. {@code java.sql.Connection}
 */
public interface BoxTransactionProvider<T> {

  /** The open transaction, begun on first use. */
  T transaction();

  /** Commits the transaction. */
  void commit();

  /** Rolls the transaction back. */
  void rollback();

  /** Whether a transaction has begun and is neither committed nor rolled back. */
  boolean hasOpenTransaction();

  /**
   * Asks this provider to run {@code action} once the open transaction has committed, and to drop
   * it if the transaction rolls back; returns whether it will. A provider that cannot tell when its
   * transaction commits (the default) returns {@code false} and never runs the action.
   *
   * <p>The command processor uses it to keep the messages a transaction deposited once their commit
   * is known, so {@code clearOutbox} sends them without reading them back from the outbox. An
   * action runs on the committing thread and must be quick; one that throws does not undo the
   * commit, nor stop the actions after it.
   */
  default boolean afterCommit(Runnable action) {
    return false;
  }
}
