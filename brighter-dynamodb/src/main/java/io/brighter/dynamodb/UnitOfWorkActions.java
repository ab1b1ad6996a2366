package io.brighter.dynamodb;

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

  private @Nullable List<TransactWriteItem> open;

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
  }

  @Override
  public final boolean hasOpenTransaction() {
    return open != null;
  }

  /** Ends the transaction, returning its actions (empty when none was open). */
  final List<TransactWriteItem> endTransaction() {
    List<TransactWriteItem> actions = open;
    open = null;
    return actions == null ? List.of() : actions;
  }
}
