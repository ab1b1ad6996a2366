package io.brighter.samples.greetings.api;

import io.brighter.Id;
import io.brighter.dynamodb.DynamoDbOutbox;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.samples.greetings.SampleDynamoDb;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The greetings API's tables in DynamoDB: {@value #PEOPLE} (hash {@code name}) and {@value
 * #GREETINGS} (hash {@code name}, range {@code created}: the time in microseconds, zero-padded,
 * then the greeting's id, so a query reads them oldest first). A greeting is one {@link
 * DynamoDbUnitOfWork}: a condition that the person exists, the {@code Put} of the greeting and the
 * outbox's {@code Put} of the event, written by one {@code TransactWriteItems}.
 */
final class DynamoDbGreetingsStore implements GreetingsStore {

  private static final String NAME = "name";
  private static final String CREATED = "created";
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";

  private final DynamoDbClient client;
  private final DynamoDbOutbox outbox;

  /** Uses {@code client}, closing it on {@link #close()}. */
  DynamoDbGreetingsStore(DynamoDbClient client) {
    this.client = client;
    SampleDynamoDb.createTableIfMissing(client, PEOPLE, NAME, null);
    SampleDynamoDb.createTableIfMissing(client, GREETINGS, NAME, CREATED);
    outbox = DynamoDbOutbox.builder().client(client).tableName(OUTBOX).build();
    outbox.createTableIfMissing();
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public void addPerson(String name) {
    client.putItem(put -> put.tableName(PEOPLE).item(Map.of(NAME, AttributeValue.fromS(name))));
  }

  @Override
  public Id addGreeting(
      Id id, String name, String greeting, Function<BoxTransactionProvider<?>, Id> deposit) {
    TransactWriteItem personExists =
        TransactWriteItem.builder()
            .conditionCheck(
                check ->
                    check
                        .tableName(PEOPLE)
                        .key(Map.of(NAME, AttributeValue.fromS(name)))
                        .conditionExpression("attribute_exists(#name)")
                        .expressionAttributeNames(Map.of("#name", NAME)))
            .build();
    TransactWriteItem putGreeting =
        TransactWriteItem.builder()
            .put(
                put ->
                    put.tableName(GREETINGS)
                        .item(
                            Map.of(
                                NAME,
                                AttributeValue.fromS(name),
                                CREATED,
                                AttributeValue.fromS(created(id)),
                                "id",
                                AttributeValue.fromS(id.value()),
                                "greeting",
                                AttributeValue.fromS(greeting))))
            .build();
    try {
      return SampleDynamoDb.inTransaction(client, List.of(personExists, putGreeting), deposit);
    } catch (TransactionCanceledException e) {
      if (personMissing(e)) {
        throw new PersonNotFoundException(name);
      }
      throw e;
    }
  }

  @Override
  public List<String> greetingsOf(String name) {
    return client
        .queryPaginator(
            query ->
                query
                    .tableName(GREETINGS)
                    .consistentRead(true)
                    .keyConditionExpression("#name = :name")
                    .expressionAttributeNames(Map.of("#name", NAME))
                    .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(name))))
        .items()
        .stream()
        .map(item -> item.get("greeting").s())
        .toList();
  }

  @Override
  public void close() {
    client.close();
  }

  /** The first action is the check that the person exists. */
  private static boolean personMissing(TransactionCanceledException e) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return !reasons.isEmpty() && CONDITION_FAILED.equals(reasons.getFirst().code());
  }

  private static String created(Id id) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    return String.format("%020d#%s", micros, id.value());
  }
}
