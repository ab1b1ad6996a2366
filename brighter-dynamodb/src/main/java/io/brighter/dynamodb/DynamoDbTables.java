package io.brighter.dynamodb;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The outbox and inbox tables: their definitions as {@link CreateTableRequest}s and a helper that
 * creates a table when it is missing, for tests and development. Production tables are better made
 * with the team's own tooling (CloudFormation, CDK, Terraform) from the same definitions, which
 * docs/dynamodb-outbox.md spells out.
 *
 * {@snippet :
 * DynamoDbTables.createIfMissing(client, DynamoDbTables.outbox("brighter_outbox"), null);
 * DynamoDbTables.createIfMissing(client, DynamoDbTables.inbox("brighter_inbox"), null);
 * }
 *
 * <p>Tables are on-demand ({@code PAY_PER_REQUEST}). Every outbox index projects all attributes, so
 * a listing needs no second read, and is sparse: an item is in an index only while it has the
 * index's range attribute.
 */
public final class DynamoDbTables {

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  /** Outstanding messages of one topic shard: hash {@code TopicShard}, range creation time. */
  public static final String OUTSTANDING_INDEX = "Outstanding";

  /** Outstanding messages of every topic: hash {@code Shard}, range creation time. */
  public static final String OUTSTANDING_ALL_TOPICS_INDEX = "OutstandingAllTopics";

  /** Dispatched messages of one topic shard: hash {@code TopicShard}, range delivery time. */
  public static final String DELIVERED_INDEX = "Delivered";

  /** Dispatched messages of every topic: hash {@code Shard}, range delivery time. */
  public static final String DELIVERED_ALL_TOPICS_INDEX = "DeliveredAllTopics";

  /** Messages by the request that caused them: hash {@code CausationId}, range creation time. */
  public static final String CAUSATION_INDEX = "Causation";

  private DynamoDbTables() {}

  /**
   * {@code name}, when DynamoDB accepts it as a table name: 3 to 255 letters, digits, underscores,
   * hyphens and periods.
   *
   * @throws ConfigurationException naming {@code setting} otherwise
   */
  public static String checkName(String name, String setting) {
    if (!TABLE_NAME.matcher(name).matches()) {
      throw new ConfigurationException(
          setting
              + " '"
              + name
              + "' is not a DynamoDB table name: 3 to 255 letters, digits, underscores, hyphens"
              + " and periods");
    }
    return name;
  }

  /** The outbox table {@code name}: hash key {@code MessageId} and the five indexes above. */
  public static CreateTableRequest outbox(String name) {
    return CreateTableRequest.builder()
        .tableName(requireNonNull(name, "name must not be null"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            attribute(MessageItems.MESSAGE_ID, ScalarAttributeType.S),
            attribute(MessageItems.TOPIC_SHARD, ScalarAttributeType.S),
            attribute(MessageItems.SHARD, ScalarAttributeType.N),
            attribute(MessageItems.OUTSTANDING_CREATED_TIME, ScalarAttributeType.N),
            attribute(MessageItems.DELIVERY_TIME, ScalarAttributeType.N),
            attribute(MessageItems.CREATED_TIME, ScalarAttributeType.N),
            attribute(MessageItems.CAUSATION_ID, ScalarAttributeType.S))
        .keySchema(key(MessageItems.MESSAGE_ID, KeyType.HASH))
        .globalSecondaryIndexes(
            index(
                OUTSTANDING_INDEX, MessageItems.TOPIC_SHARD, MessageItems.OUTSTANDING_CREATED_TIME),
            index(
                OUTSTANDING_ALL_TOPICS_INDEX,
                MessageItems.SHARD,
                MessageItems.OUTSTANDING_CREATED_TIME),
            index(DELIVERED_INDEX, MessageItems.TOPIC_SHARD, MessageItems.DELIVERY_TIME),
            index(DELIVERED_ALL_TOPICS_INDEX, MessageItems.SHARD, MessageItems.DELIVERY_TIME),
            index(CAUSATION_INDEX, MessageItems.CAUSATION_ID, MessageItems.CREATED_TIME))
        .build();
  }

  /** The inbox table {@code name}: hash key {@code CommandId}, range key {@code ContextKey}. */
  public static CreateTableRequest inbox(String name) {
    return CreateTableRequest.builder()
        .tableName(requireNonNull(name, "name must not be null"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            attribute(InboxItems.COMMAND_ID, ScalarAttributeType.S),
            attribute(InboxItems.CONTEXT_KEY, ScalarAttributeType.S))
        .keySchema(
            key(InboxItems.COMMAND_ID, KeyType.HASH), key(InboxItems.CONTEXT_KEY, KeyType.RANGE))
        .build();
  }

  /**
   * Creates the table {@code definition} describes unless a table of that name exists, waits until
   * it is active, and when {@code timeToLiveAttribute} is given turns on DynamoDB's time to live on
   * that attribute unless it is on already.
   *
   * @throws DynamoDbStoreException when DynamoDB refuses
   */
  public static void createIfMissing(
      DynamoDbClient client, CreateTableRequest definition, @Nullable String timeToLiveAttribute) {
    requireNonNull(client, "client must not be null");
    String table = definition.tableName();
    try {
      if (!exists(client, table)) {
        try {
          client.createTable(definition);
        } catch (ResourceInUseException raced) {
          // made meanwhile by another process: fine
        }
        client.waiter().waitUntilTableExists(request -> request.tableName(table));
      }
      if (timeToLiveAttribute != null) {
        enableTimeToLive(client, table, timeToLiveAttribute);
      }
    } catch (SdkException e) {
      throw DynamoDbStoreException.failed("create the table", table, e);
    }
  }

  private static boolean exists(DynamoDbClient client, String table) {
    try {
      client.describeTable(request -> request.tableName(table));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static void enableTimeToLive(DynamoDbClient client, String table, String attribute) {
    var description =
        client.describeTimeToLive(request -> request.tableName(table)).timeToLiveDescription();
    boolean on =
        description != null
            && attribute.equals(description.attributeName())
            && (description.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || description.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
    if (!on) {
      client.updateTimeToLive(
          request ->
              request
                  .tableName(table)
                  .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true)));
    }
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static GlobalSecondaryIndex index(String name, String hash, String range) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(List.of(key(hash, KeyType.HASH), key(range, KeyType.RANGE)))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }
}
