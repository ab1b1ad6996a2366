package io.brighter.dynamodb.greetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The People table of the greetings example: hash key {@code Name}, the person's greetings and a
 * version for optimistic concurrency. A save is a {@code Put} conditional on the version loaded, so
 * a concurrent change cancels the transaction it is in.
 */
public class People {

  public static final String TABLE = "People";

  /** A person, their greetings, and the version they were loaded at (0: new). */
  public record Person(String name, List<String> greetings, long version) {

    /** This person with one more greeting. */
    public Person greet(String greeting) {
      List<String> more = new ArrayList<>(greetings);
      more.add(greeting);
      return new Person(name, List.copyOf(more), version);
    }
  }

  private final DynamoDbClient client;

  public People(DynamoDbClient client) {
    this.client = client;
  }

  /** Makes the table unless it exists. */
  public People createTableIfMissing() {
    try {
      client.createTable(
          CreateTableRequest.builder()
              .tableName(TABLE)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(
                  AttributeDefinition.builder()
                      .attributeName("Name")
                      .attributeType(ScalarAttributeType.S)
                      .build())
              .keySchema(
                  KeySchemaElement.builder().attributeName("Name").keyType(KeyType.HASH).build())
              .build());
    } catch (ResourceInUseException exists) {
      // made by an earlier test
    }
    return this;
  }

  /** The person called {@code name}, or a new one. */
  public Person load(String name) {
    Map<String, AttributeValue> item =
        client.getItem(get -> get.tableName(TABLE).consistentRead(true).key(key(name))).item();
    if (item == null || item.isEmpty()) {
      return new Person(name, List.of(), 0);
    }
    return new Person(
        name,
        item.get("Greetings").l().stream().map(AttributeValue::s).toList(),
        Long.parseLong(item.get("Version").n()));
  }

  /** The transaction action that saves {@code person} if it is still at its loaded version. */
  public TransactWriteItem save(Person person) {
    Put.Builder put =
        Put.builder()
            .tableName(TABLE)
            .item(
                Map.of(
                    "Name", AttributeValue.fromS(person.name()),
                    "Greetings",
                        AttributeValue.fromL(
                            person.greetings().stream().map(AttributeValue::fromS).toList()),
                    "Version", AttributeValue.fromN(Long.toString(person.version() + 1))));
    if (person.version() == 0) {
      put.conditionExpression("attribute_not_exists(#name)")
          .expressionAttributeNames(Map.of("#name", "Name"));
    } else {
      put.conditionExpression("#version = :loaded")
          .expressionAttributeNames(Map.of("#version", "Version"))
          .expressionAttributeValues(
              Map.of(":loaded", AttributeValue.fromN(Long.toString(person.version()))));
    }
    return TransactWriteItem.builder().put(put.build()).build();
  }

  private static Map<String, AttributeValue> key(String name) {
    return Map.of("Name", AttributeValue.fromS(name));
  }
}
