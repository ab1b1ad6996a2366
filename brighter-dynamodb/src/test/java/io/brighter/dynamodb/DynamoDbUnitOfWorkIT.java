package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.aws.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link DynamoDbUnitOfWork} and {@link DynamoDbAsyncUnitOfWork} on dynalite. */
class DynamoDbUnitOfWorkIT {

  private static final String TABLE = "uow_items";
  private static final RequestCounter COUNTER = new RequestCounter();
  private static final DynamoDbClient CLIENT = createTable(LocalDynamoDb.client(List.of(COUNTER)));

  private final String prefix = UUID.randomUUID() + "-";

  @Test
  void commit_writes_every_action_with_one_transact_write_items() {
    // given
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(CLIENT);
    unitOfWork.beginOrGetTransaction().add(put("a", null));
    unitOfWork.beginOrGetTransaction().add(put("b", null));
    COUNTER.reset();

    // when
    unitOfWork.commit();

    // then
    assertThat(COUNTER.requests()).containsExactlyEntriesOf(Map.of("TransactWriteItems", 1L));
    assertThat(exists("a")).isTrue();
    assertThat(exists("b")).isTrue();
    assertThat(unitOfWork.hasOpenTransaction()).isFalse();
    assertThat(unitOfWork.dynamoDb()).isSameAs(CLIENT);
  }

  @Test
  void rollback_discards_the_actions() {
    // given
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(CLIENT);
    unitOfWork.beginOrGetTransaction().add(put("a", null));

    // when
    unitOfWork.rollback();
    unitOfWork.commit();

    // then
    assertThat(unitOfWork.hasOpenTransaction()).isFalse();
    assertThat(exists("a")).isFalse();
  }

  @Test
  void a_cancelled_transaction_surfaces_with_its_reasons_and_writes_nothing() {
    // given
    CLIENT.putItem(p -> p.tableName(TABLE).item(key("taken")));
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(CLIENT);
    unitOfWork.beginOrGetTransaction().add(put("a", null));
    unitOfWork.beginOrGetTransaction().add(put("taken", "attribute_not_exists(Id)"));

    // when / then
    assertThatThrownBy(unitOfWork::commit)
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e ->
                assertThat(e.cancellationReasons())
                    .extracting(CancellationReason::code)
                    .containsExactly("None", "ConditionalCheckFailed"));
    assertThat(exists("a")).isFalse();
    assertThat(unitOfWork.hasOpenTransaction()).isFalse();
  }

  @Test
  void more_than_100_actions_fail_clearly_before_any_call() {
    // given
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(CLIENT);
    for (int i = 0; i <= 100; i++) {
      unitOfWork.beginOrGetTransaction().add(put("n" + i, null));
    }
    COUNTER.reset();

    // when / then
    assertThatThrownBy(unitOfWork::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at most 100 actions, this unit of work holds 101");
    assertThat(COUNTER.requests()).isEmpty();
    assertThat(exists("n0")).isFalse();
  }

  @Test
  void two_actions_naming_one_key_fail_clearly_before_any_call() {
    // given
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(CLIENT);
    unitOfWork.beginOrGetTransaction().add(update("a"));
    unitOfWork.beginOrGetTransaction().add(update("a"));
    COUNTER.reset();

    // when / then
    assertThatThrownBy(unitOfWork::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may touch each item only once");
    assertThat(COUNTER.requests()).isEmpty();
  }

  @Test
  void two_puts_of_one_item_fail_clearly_and_write_nothing() {
    // given
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(CLIENT);
    unitOfWork.beginOrGetTransaction().add(put("a", null));
    unitOfWork.beginOrGetTransaction().add(put("a", null));

    // when / then
    assertThatThrownBy(unitOfWork::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may touch each item only once");
    assertThat(exists("a")).isFalse();
  }

  @Test
  void the_async_unit_of_work_commits_and_carries_a_cancellation_in_its_future() {
    // given
    DynamoDbAsyncUnitOfWork committed = new DynamoDbAsyncUnitOfWork(LocalDynamoDb.asyncClient());
    committed.beginOrGetTransaction().add(put("a", null));
    DynamoDbAsyncUnitOfWork cancelled = new DynamoDbAsyncUnitOfWork(LocalDynamoDb.asyncClient());
    cancelled.beginOrGetTransaction().add(put("b", null));
    cancelled.beginOrGetTransaction().add(put("a", "attribute_not_exists(Id)"));

    // when
    committed.commitAsync().join();

    // then
    assertThat(exists("a")).isTrue();
    assertThatThrownBy(() -> cancelled.commitAsync().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(TransactionCanceledException.class);
    assertThat(exists("b")).isFalse();
  }

  private TransactWriteItem put(String id, String condition) {
    Put.Builder put = Put.builder().tableName(TABLE).item(key(id));
    if (condition != null) {
      put.conditionExpression(condition);
    }
    return TransactWriteItem.builder().put(put.build()).build();
  }

  private TransactWriteItem update(String id) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(TABLE)
                .key(key(id))
                .updateExpression("SET Touched = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))
                .build())
        .build();
  }

  private boolean exists(String id) {
    return !CLIENT
        .getItem(g -> g.tableName(TABLE).key(key(id)).consistentRead(true))
        .item()
        .isEmpty();
  }

  private Map<String, AttributeValue> key(String id) {
    return Map.of("Id", AttributeValue.fromS(prefix + id));
  }

  private static DynamoDbClient createTable(DynamoDbClient client) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(
        AttributeDefinition.builder()
            .attributeName("Id")
            .attributeType(ScalarAttributeType.S)
            .build());
    try {
      client.createTable(
          CreateTableRequest.builder()
              .tableName(TABLE)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(attributes)
              .keySchema(
                  KeySchemaElement.builder().attributeName("Id").keyType(KeyType.HASH).build())
              .build());
    } catch (ResourceInUseException exists) {
      // made earlier in this JVM
    }
    return client;
  }
}
