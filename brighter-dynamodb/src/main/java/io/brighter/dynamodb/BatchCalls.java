package io.brighter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code BatchGetItem} and {@code BatchWriteItem} within DynamoDB's limits (100 keys a read, 25
 * writes a write), sending again what DynamoDB leaves unprocessed, with a growing pause, until
 * everything is done or the attempts run out.
 */
final class BatchCalls {

  /** The most keys one {@code BatchGetItem} reads. */
  static final int GET_LIMIT = 100;

  /** The most requests one {@code BatchWriteItem} holds. */
  static final int WRITE_LIMIT = 25;

  private static final int ATTEMPTS = 10;

  private final DynamoDbClient client;
  private final String table;

  BatchCalls(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /** The items with {@code keys} (consistent reads); missing ones are left out. */
  List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    for (List<Map<String, AttributeValue>> chunk : chunks(keys, GET_LIMIT)) {
      Map<String, KeysAndAttributes> request =
          Map.of(table, KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
      for (int attempt = 1; !request.isEmpty(); attempt++) {
        pauseBefore(attempt, "read");
        Map<String, KeysAndAttributes> asked = request;
        BatchGetItemResponse response = client.batchGetItem(call -> call.requestItems(asked));
        found.addAll(response.responses().getOrDefault(table, List.of()));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return found;
  }

  /** Sends {@code writes} in batches. */
  void write(List<WriteRequest> writes) {
    for (List<WriteRequest> chunk : chunks(writes, WRITE_LIMIT)) {
      Map<String, List<WriteRequest>> request = Map.of(table, chunk);
      for (int attempt = 1; !request.isEmpty(); attempt++) {
        pauseBefore(attempt, "write");
        Map<String, List<WriteRequest>> asked = request;
        BatchWriteItemResponse response = client.batchWriteItem(call -> call.requestItems(asked));
        request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      }
    }
  }

  private void pauseBefore(int attempt, String what) {
    if (attempt == 1) {
      return;
    }
    if (attempt > ATTEMPTS) {
      throw new IllegalStateException(
          "DynamoDB left part of a batch "
              + what
              + " on table "
              + table
              + " unprocessed "
              + ATTEMPTS
              + " times; giving up");
    }
    try {
      Thread.sleep(Math.min(1000L, 25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while retrying a batch " + what, e);
    }
  }

  static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      chunks.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return chunks;
  }
}
