package io.brighter.dynamodb;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The rules DynamoDB puts on one {@code TransactWriteItems} call, checked before it is sent so that
 * breaking them is a clear error rather than a bare validation message; and the translation of the
 * failures DynamoDB reports.
 */
final class TransactWrites {

  /** The most actions DynamoDB takes in one transaction. */
  static final int MAX_ACTIONS = 100;

  private TransactWrites() {}

  /**
   * Fails when {@code actions} break a rule DynamoDB would reject the whole call for: more than
   * {@value #MAX_ACTIONS} actions, or two actions naming the same key of the same table (an update,
   * delete or condition check names its key; a put's key is checked by DynamoDB, see {@link
   * #failed}).
   */
  static void check(List<TransactWriteItem> actions) {
    if (actions.size() > MAX_ACTIONS) {
      throw new IllegalStateException(
          "A DynamoDB transaction takes at most "
              + MAX_ACTIONS
              + " actions, this unit of work holds "
              + actions.size()
              + "; nothing was written. Split the work into several units of work.");
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      String key = keyOf(actions.get(i));
      if (key != null && !keys.add(key)) {
        throw twoActionsOnOneItem("action " + i + " names " + key + " again");
      }
    }
  }

  /**
   * The exception to throw for a failed commit: a cancelled transaction as DynamoDB reported it,
   * with its cancellation reasons; two actions on one item as a clear {@link
   * IllegalStateException}; anything else as a {@link DynamoDbStoreException}.
   */
  static RuntimeException failed(SdkException e) {
    if (e instanceof TransactionCanceledException cancelled) {
      return cancelled;
    }
    if (e instanceof DynamoDbException dynamo
        && dynamo.getMessage() != null
        && dynamo.getMessage().contains("multiple operations on one item")) {
      IllegalStateException duplicate = twoActionsOnOneItem("DynamoDB says: " + e.getMessage());
      duplicate.initCause(e);
      return duplicate;
    }
    return DynamoDbStoreException.failed("commit a unit of work", "-", e);
  }

  private static IllegalStateException twoActionsOnOneItem(String detail) {
    return new IllegalStateException(
        "A DynamoDB transaction may touch each item only once, but two of its actions touch the"
            + " same item ("
            + detail
            + "); nothing was written. Merge them into one action.");
  }

  private static @Nullable String keyOf(TransactWriteItem action) {
    if (action.update() != null) {
      return describe(action.update().tableName(), action.update().key());
    }
    if (action.delete() != null) {
      return describe(action.delete().tableName(), action.delete().key());
    }
    if (action.conditionCheck() != null) {
      return describe(action.conditionCheck().tableName(), action.conditionCheck().key());
    }
    return null;
  }

  private static String describe(String table, Map<String, AttributeValue> key) {
    return table + " " + new TreeMap<>(key);
  }
}
