package io.brighter.samples.greetings;

import io.brighter.Id;
import io.brighter.aws.local.LocalDynamoDb;
import io.brighter.dynamodb.DynamoDbTables;
import io.brighter.dynamodb.DynamoDbUnitOfWork;
import io.brighter.outbox.BoxTransactionProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The DynamoDB client of {@code --db dynamodb}. {@value #LOCAL}, the default, means
 * brighter-aws-local's DynamoDB, started in this process (dynalite, installed with npm on first
 * use, behind a front that adds transactions). An endpoint URL means another local DynamoDB: region
 * {@code us-east-1} and dummy static credentials, which a local endpoint accepts. {@value #AWS}
 * means AWS itself: the SDK's default region and credentials chains ({@code AWS_REGION}, {@code
 * AWS_PROFILE}, ...) decide. The endpoint must support {@code TransactWriteItems}, as DynamoDB
 * does; dynalite alone does not.
 */
public final class SampleDynamoDb {

  /** The endpoint value that means AWS itself. */
  public static final String AWS = "aws";

  /** The endpoint value that means the local DynamoDB, started in this process. */
  public static final String LOCAL = "local";

  private SampleDynamoDb() {}

  /** A new client of {@code endpoint}; the caller closes it. */
  public static DynamoDbClient client(String endpoint) {
    if (AWS.equals(endpoint)) {
      return DynamoDbClient.create();
    }
    return DynamoDbClient.builder()
        .endpointOverride(LOCAL.equals(endpoint) ? LocalDynamoDb.endpoint() : URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  /**
   * Writes {@code actions} and whatever {@code deposit} deposits in one new {@link
   * DynamoDbUnitOfWork} of {@code client}: one {@code TransactWriteItems}, all or nothing. A
   * cancelled transaction is the SDK's {@code TransactionCanceledException}, as it is.
   *
   * @return what {@code deposit} returned
   */
  public static Id inTransaction(
      DynamoDbClient client,
      List<TransactWriteItem> actions,
      Function<BoxTransactionProvider<?>, Id> deposit) {
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(client);
    try {
      unitOfWork.beginOrGetTransaction().addAll(actions);
      Id deposited = deposit.apply(unitOfWork);
      unitOfWork.commit();
      return deposited;
    } catch (RuntimeException e) {
      unitOfWork.rollback();
      throw e;
    }
  }

  /**
   * Creates the on-demand table {@code name} with the string hash key {@code hash} and, unless
   * {@code null}, the string range key {@code range}, when it is missing.
   */
  public static void createTableIfMissing(
      DynamoDbClient client, String name, String hash, String range) {
    List<AttributeDefinition> attributes = new ArrayList<>(List.of(attribute(hash)));
    List<KeySchemaElement> keys =
        new ArrayList<>(
            List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build()));
    if (range != null) {
      attributes.add(attribute(range));
      keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }
    DynamoDbTables.createIfMissing(
        client,
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributes)
            .keySchema(keys)
            .build(),
        null);
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }
}
