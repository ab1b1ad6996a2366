package io.brighter.dynamodb;

import io.brighter.Id;
import io.brighter.messaging.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * The outbox's single-item writes: a message's conditional {@code Put} (for the caller's
 * transaction, or at once), conditional updates, and the lease a sweeper takes on a message.
 */
final class MessageWrites {

  private static final Logger LOG = LoggerFactory.getLogger(MessageWrites.class);

  private final DynamoDbClient client;
  private final String table;
  private final int shards;

  MessageWrites(DynamoDbClient client, String table, int shards) {
    this.client = client;
    this.table = table;
    this.shards = shards;
  }

  /** The {@code Put} of {@code message} into its shard, if its id is not stored yet. */
  Put put(Message message) {
    int shard = Shards.of(message.header().partitionKey(), shards);
    return Put.builder()
        .tableName(table)
        .item(MessageItems.toItem(message, shard))
        .conditionExpression("attribute_not_exists(#id)")
        .expressionAttributeNames(Map.of("#id", MessageItems.MESSAGE_ID))
        .build();
  }

  /** The {@code Put} of {@code message}, due at {@code dueAt}, replacing an item of its id. */
  Put scheduled(Message message, Instant dueAt) {
    int shard = Shards.of(message.header().partitionKey(), shards);
    return Put.builder()
        .tableName(table)
        .item(MessageItems.toScheduledItem(message, shard, dueAt))
        .build();
  }

  /**
   * Applies {@code update} to the scheduled message {@code id} if it is not due at {@code now};
   * whether it was.
   */
  boolean changeScheduled(Id id, Updates.Update update) {
    try {
      update(id, update, Updates.NOT_YET_DUE);
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Deletes the scheduled message {@code id} if it is not due at {@code now}; whether it was. */
  boolean deleteScheduled(Id id, Instant now) {
    IndexQueries.Filter notYetDue = Updates.notYetDue(now);
    try {
      client.deleteItem(
          request ->
              request
                  .tableName(table)
                  .key(MessageItems.key(id))
                  .conditionExpression(notYetDue.expression())
                  .expressionAttributeNames(notYetDue.names())
                  .expressionAttributeValues(notYetDue.values()));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Writes {@code messages} now, ignoring ids already stored: one {@code PutItem} for one message,
   * transactions of up to 100 for more.
   */
  void addAll(List<Message> messages) {
    if (messages.size() == 1) {
      putIfAbsent(messages.getFirst());
    } else if (!messages.isEmpty()) {
      new DuplicateSkippingWrite(client, table).write(messages.stream().map(this::put).toList());
    }
  }

  /** Applies {@code update} to the item of {@code id} if {@code condition} holds. */
  void update(Id id, Updates.Update update, String condition) {
    client.updateItem(
        request -> {
          request
              .tableName(table)
              .key(MessageItems.key(id))
              .updateExpression(update.expression())
              .conditionExpression(condition)
              .expressionAttributeNames(update.names());
          if (!update.values().isEmpty()) { // DynamoDB refuses an empty map of values
            request.expressionAttributeValues(update.values());
          }
        });
  }

  /**
   * Leases the message of {@code id} until {@code leaseEnds} if it is still outstanding and no
   * lease holds it at {@code now}; whether it did.
   */
  boolean lease(Id id, Instant now, long leaseEnds) {
    try {
      update(
          id,
          Updates.lease(now, leaseEnds),
          "attribute_exists(#outstanding) AND (attribute_not_exists(#lease) OR #lease <= :now)");
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Removes the lease of the message of {@code id} if it is still outstanding. */
  void release(Id id) {
    try {
      update(id, Updates.release(), "attribute_exists(#outstanding)");
    } catch (ConditionalCheckFailedException e) {
      LOG.debug("Message {} is not outstanding in outbox {}; no claim to give back", id, table);
    }
  }

  private void putIfAbsent(Message message) {
    if (!putIfAbsent(client, put(message))) {
      LOG.debug(
          "Message {} is already in outbox {}; the duplicate is ignored", message.id(), table);
    }
  }

  /** Writes {@code put} now; false when its condition (the item is absent) failed. */
  static boolean putIfAbsent(DynamoDbClient client, Put put) {
    try {
      client.putItem(
          request ->
              request
                  .tableName(put.tableName())
                  .item(put.item())
                  .conditionExpression(put.conditionExpression())
                  .expressionAttributeNames(put.expressionAttributeNames()));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
