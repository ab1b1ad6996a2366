package io.brighter.dynamodb;

import io.brighter.internal.AfterCommitActions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What {@link DynamoDbUnitOfWork} and {@link DynamoDbAsyncUnitOfWork} share: the open transaction's
 * actions, begun on first use, discarded by a rollback. Not thread-safe.
 */
abstract sealed class UnitOfWorkActions implements DynamoDbTransactionProvider
    permits DynamoDbUnitOfWork, DynamoDbAsyncUnitOfWork {

  /** An ended transaction: what to write, and what to run once it is written. */
  record Ending(List<TransactWriteItem> writes, AfterCommitActions afterCommit) {

    /** Runs the after-commit actions when the writes were {@code written}, else drops them. */
    void finish(boolean written) {
      if (written) {
        afterCommit.committed();
      } else {
        afterCommit.rolledBack();
      }
    }
  }

  private @Nullable List<TransactWriteItem> open;
  private AfterCommitActions afterCommit = new AfterCommitActions();

  @Override
  public final List<TransactWriteItem> beginOrGetTransaction() {
    List<TransactWriteItem> current = open;
    if (current == null) {
      current = new ArrayList<>();
      open = current;
    }
    return current;
  }

  /** Discards the actions; nothing is written. */
  @Override
  public final void rollback() {
    open = null;
    afterCommit.rolledBack();
  }

  @Override
  public final boolean hasOpenTransaction() {
    return open != null;
  }

  /** Runs {@code action} once the open transaction is written; {@code false} when none is open. */
  @Override
  public final boolean afterCommit(Runnable action) {
    if (open == null) {
      return false;
    }
    afterCommit.add(action);
    return true;
  }

  /**
   * Ends the transaction, returning its writes (empty when none was open) and after-commit work.
   */
  final Ending endTransaction() {
    List<TransactWriteItem> writes = open;
    Ending ending = new Ending(writes == null ? List.of() : writes, afterCommit);
    open = null;
    afterCommit = new AfterCommitActions();
    return ending;
  }
}
