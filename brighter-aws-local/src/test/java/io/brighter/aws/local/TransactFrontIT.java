package io.brighter.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Pins the front's {@code TransactWriteItems} to DynamoDB's documented behaviour (API reference,
 * TransactWriteItems: all or nothing; conditions on the items as they were; one action per item; at
 * most 100 actions; {@code TransactionCanceledException} with one cancellation reason per action in
 * request order, {@code Item} only with {@code ALL_OLD}), through the AWS SDK as users see it.
 */
class TransactFrontIT {

  private static final DynamoDbClient CLIENT = LocalDynamoDb.client();
  private static final String TABLE = table();

  private final String prefix = UUID.randomUUID() + "-";

  @Test
  void all_actions_of_a_transaction_are_written_together() {
    // given
    write(key("b"), "old");

    // when
    transact(
        put("a", "new a", null),
        update("b", "new b", null),
        action(Delete.builder().tableName(TABLE).key(key("c")).build()));

    // then
    assertThat(valueOf("a")).isEqualTo("new a");
    assertThat(valueOf("b")).isEqualTo("new b");
    assertThat(read("c")).isEmpty();
  }

  @Test
  void a_failed_condition_cancels_every_action_and_names_the_failed_one_in_order() {
    // given
    write(key("kept"), "before");

    // when / then
    assertThatThrownBy(
            () ->
                transact(
                    put("fresh", "x", null),
                    put("kept", "after", "attribute_not_exists(Id)"),
                    update("other", "y", null)))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e -> {
              assertThat(e.cancellationReasons())
                  .extracting(CancellationReason::code)
                  .containsExactly("None", "ConditionalCheckFailed", "None");
              assertThat(e.cancellationReasons().get(1).message())
                  .isEqualTo("The conditional request failed");
              assertThat(e.cancellationReasons().get(1).item()).isEmpty();
              assertThat(e.getMessage())
                  .startsWith(
                      "Transaction cancelled, please refer cancellation reasons for specific"
                          + " reasons [None, ConditionalCheckFailed, None]");
            });
    assertThat(read("fresh")).isEmpty();
    assertThat(read("other")).isEmpty();
    assertThat(valueOf("kept")).isEqualTo("before");
  }

  @Test
  void a_passing_condition_check_leaves_its_item_as_it_was_and_lets_the_writes_through() {
    // given
    write(key("checked"), "as it was");

    // when
    transact(
        action(
            ConditionCheck.builder()
                .tableName(TABLE)
                .key(key("checked"))
                .conditionExpression("attribute_exists(Id)")
                .build()),
        put("written", "x", "attribute_not_exists(Id)"));

    // then
    assertThat(read("checked")).isEqualTo(item("checked", "as it was"));
    assertThat(valueOf("written")).isEqualTo("x");
  }

  @Test
  void a_failed_condition_returns_the_old_item_only_when_asked() {
    // given
    write(key("a"), "old");

    // when / then
    assertThatThrownBy(
            () ->
                transact(
                    action(
                        Put.builder()
                            .tableName(TABLE)
                            .item(item("a", "new"))
                            .conditionExpression("attribute_not_exists(Id)")
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)
                            .build())))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e ->
                assertThat(e.cancellationReasons().getFirst().item())
                    .containsEntry("Value", AttributeValue.fromS("old")));
  }

  @Test
  void a_write_refused_after_others_were_applied_restores_their_old_images() {
    // given: b's update adds a number to a string, which DynamoDB refuses
    write(key("a"), "old");
    write(key("b"), "text");

    // when / then
    assertThatThrownBy(
            () ->
                transact(
                    put("a", "new", null),
                    put("fresh", "x", null),
                    action(
                        Update.builder()
                            .tableName(TABLE)
                            .key(key("b"))
                            .updateExpression("SET #v = #v + :one")
                            .expressionAttributeNames(Map.of("#v", "Value"))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                            .build())))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e ->
                assertThat(e.cancellationReasons())
                    .extracting(CancellationReason::code)
                    .containsExactly("None", "None", "ValidationError"));
    assertThat(valueOf("a")).isEqualTo("old");
    assertThat(read("fresh")).isEmpty();
    assertThat(valueOf("b")).isEqualTo("text");
  }

  @Test
  void two_actions_on_one_item_are_refused_and_nothing_is_written() {
    assertThatThrownBy(() -> transact(put("a", "1", null), update("a", "2", null)))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Transaction request cannot include multiple operations on one item");
    assertThat(read("a")).isEmpty();
  }

  @Test
  void more_than_100_actions_are_refused_and_nothing_is_written() {
    // given
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      actions.add(put("n" + i, "v", null));
    }

    // when / then
    assertThatThrownBy(() -> transact(actions))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Member must have length less than or equal to 100");
    assertThat(read("n0")).isEmpty();
  }

  @Test
  void a_missing_table_is_a_resource_not_found() {
    assertThatThrownBy(
            () ->
                transact(
                    action(Put.builder().tableName("no_such_table").item(item("a", "v")).build())))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void time_to_live_is_recorded_and_described() {
    // given
    String table = table();

    // when
    CLIENT.updateTimeToLive(
        t ->
            t.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName("ExpiresAt").enabled(true)));

    // then
    var description = CLIENT.describeTimeToLive(t -> t.tableName(table)).timeToLiveDescription();
    assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(description.attributeName()).isEqualTo("ExpiresAt");
    assertThatThrownBy(() -> CLIENT.describeTimeToLive(t -> t.tableName("no_such_table")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static void transact(TransactWriteItem... actions) {
    CLIENT.transactWriteItems(t -> t.transactItems(actions));
  }

  private static void transact(List<TransactWriteItem> actions) {
    CLIENT.transactWriteItems(t -> t.transactItems(actions));
  }

  private static String table() {
    String name = "front_" + UUID.randomUUID().toString().replace("-", "");
    CLIENT.createTable(
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder()
                    .attributeName("Id")
                    .attributeType(ScalarAttributeType.S)
                    .build())
            .keySchema(KeySchemaElement.builder().attributeName("Id").keyType(KeyType.HASH).build())
            .build());
    return name;
  }

  private TransactWriteItem put(String id, String value, String condition) {
    Put.Builder put = Put.builder().tableName(TABLE).item(item(id, value));
    if (condition != null) {
      put.conditionExpression(condition);
    }
    return action(put.build());
  }

  private TransactWriteItem update(String id, String value, String condition) {
    Update.Builder update =
        Update.builder()
            .tableName(TABLE)
            .key(key(id))
            .updateExpression("SET #v = :v")
            .expressionAttributeNames(Map.of("#v", "Value"))
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)));
    if (condition != null) {
      update.conditionExpression(condition);
    }
    return action(update.build());
  }

  private static TransactWriteItem action(Object action) {
    TransactWriteItem.Builder item = TransactWriteItem.builder();
    switch (action) {
      case Put put -> item.put(put);
      case Update update -> item.update(update);
      case Delete delete -> item.delete(delete);
      case ConditionCheck check -> item.conditionCheck(check);
      default -> throw new IllegalArgumentException("not an action: " + action);
    }
    return item.build();
  }

  private void write(Map<String, AttributeValue> key, String value) {
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put("Value", AttributeValue.fromS(value));
    CLIENT.putItem(p -> p.tableName(TABLE).item(item));
  }

  private Map<String, AttributeValue> read(String id) {
    return CLIENT.getItem(g -> g.tableName(TABLE).key(key(id)).consistentRead(true)).item();
  }

  private String valueOf(String id) {
    return read(id).get("Value").s();
  }

  private Map<String, AttributeValue> item(String id, String value) {
    return Map.of("Id", AttributeValue.fromS(prefix + id), "Value", AttributeValue.fromS(value));
  }

  private Map<String, AttributeValue> key(String id) {
    return Map.of("Id", AttributeValue.fromS(prefix + id));
  }
}
