package io.brighter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes conditional puts (a message id not yet stored) as transactions of up to 100, leaving out
 * the ones DynamoDB reports as already stored and writing the rest again: a batch add that ignores
 * duplicates, as the outbox contract asks, and is otherwise all or nothing per 100.
 */
final class DuplicateSkippingWrite {

  private static final Logger LOG = LoggerFactory.getLogger(DuplicateSkippingWrite.class);

  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String NONE = "None";
  private static final AttributeValue UNKNOWN_ID = AttributeValue.fromS("?");
  private static final String CONFLICT = "TransactionConflict";
  private static final int ATTEMPTS = 5;

  private final DynamoDbClient client;
  private final String table;

  DuplicateSkippingWrite(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  void write(List<Put> puts) {
    for (List<Put> chunk : BatchCalls.chunks(puts, TransactWrites.MAX_ACTIONS)) {
      writeChunk(new ArrayList<>(chunk));
    }
  }

  private void writeChunk(List<Put> pending) {
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<TransactWriteItem> actions =
          pending.stream().map(put -> TransactWriteItem.builder().put(put).build()).toList();
      try {
        client.transactWriteItems(request -> request.transactItems(actions));
        return;
      } catch (TransactionCanceledException e) {
        if (attempt >= ATTEMPTS || !onlyDuplicatesOrConflicts(e)) {
          throw e;
        }
        pending = withoutDuplicates(pending, e.cancellationReasons());
      }
    }
  }

  private static boolean onlyDuplicatesOrConflicts(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        && e.cancellationReasons().stream()
            .map(CancellationReason::code)
            .allMatch(
                code ->
                    NONE.equals(code) || CONDITION_FAILED.equals(code) || CONFLICT.equals(code));
  }

  private List<Put> withoutDuplicates(List<Put> pending, List<CancellationReason> reasons) {
    List<Put> rest = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      if (i < reasons.size() && CONDITION_FAILED.equals(reasons.get(i).code())) {
        LOG.debug(
            "Message {} is already in outbox {}; the duplicate is ignored",
            pending.get(i).item().getOrDefault(MessageItems.MESSAGE_ID, UNKNOWN_ID).s(),
            table);
      } else {
        rest.add(pending.get(i));
      }
    }
    return rest;
  }
}
