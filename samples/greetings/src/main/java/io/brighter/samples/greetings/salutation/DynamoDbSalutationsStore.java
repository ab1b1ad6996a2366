package io.brighter.samples.greetings.salutation;

import io.brighter.Id;
import io.brighter.dynamodb.DynamoDbInbox;
import io.brighter.dynamodb.DynamoDbOutbox;
import io.brighter.inbox.Inbox;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.samples.greetings.SampleDynamoDb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The salutation service's tables in DynamoDB: {@value #SALUTATIONS} (hash {@code greeting_id}), a
 * {@link DynamoDbInbox} and a {@link DynamoDbOutbox}. A salutation and its event are one {@code
 * DynamoDbUnitOfWork}: the {@code Put} of the salutation (refused if the greeting has one already,
 * as the relational table's primary key refuses it) and the outbox's {@code Put}, written by one
 * {@code TransactWriteItems}.
 */
final class DynamoDbSalutationsStore implements SalutationsStore {

  private static final String GREETING_ID = "greeting_id";

  private final DynamoDbClient client;
  private final DynamoDbInbox inbox;
  private final DynamoDbOutbox outbox;

  /** Uses {@code client}, closing it on {@link #close()}. */
  DynamoDbSalutationsStore(DynamoDbClient client) {
    this.client = client;
    SampleDynamoDb.createTableIfMissing(client, SALUTATIONS, GREETING_ID, null);
    inbox = new DynamoDbInbox(client).withTableName(INBOX).createTableIfMissing();
    outbox = DynamoDbOutbox.builder().client(client).tableName(OUTBOX).build();
    outbox.createTableIfMissing();
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public Id addSalutation(
      Id greetingId,
      String name,
      String salutation,
      Function<BoxTransactionProvider<?>, Id> deposit) {
    TransactWriteItem putSalutation =
        TransactWriteItem.builder()
            .put(
                put ->
                    put.tableName(SALUTATIONS)
                        .item(
                            Map.of(
                                GREETING_ID,
                                AttributeValue.fromS(greetingId.value()),
                                "name",
                                AttributeValue.fromS(name),
                                "salutation",
                                AttributeValue.fromS(salutation)))
                        .conditionExpression("attribute_not_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", GREETING_ID)))
            .build();
    return SampleDynamoDb.inTransaction(client, List.of(putSalutation), deposit);
  }

  @Override
  public int salutationsFor(String greetingId) {
    Map<String, AttributeValue> item =
        client
            .getItem(
                get ->
                    get.tableName(SALUTATIONS)
                        .consistentRead(true)
                        .key(Map.of(GREETING_ID, AttributeValue.fromS(greetingId))))
            .item();
    return item == null || item.isEmpty() ? 0 : 1;
  }

  @Override
  public void close() {
    client.close();
  }
}
