package io.brighter.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reads the oldest items of a sparse index whose hash key is a shard (or a topic's shard) and whose
 * range key is a time: one query per shard, each reading at most the page asked for (plus what a
 * filter skips), merged oldest first. So a listing reads items in proportion to the page, not to
 * the table.
 */
final class IndexQueries {

  /** A filter applied to the items a query reads, with its placeholders' values. */
  record Filter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {}

  private final DynamoDbClient client;
  private final String table;

  IndexQueries(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /**
   * Up to {@code limit} items of {@code index} with a hash key among {@code hashValues} and a range
   * key at most {@code upTo}, passing {@code filter} if given, oldest first.
   */
  List<Map<String, AttributeValue>> oldest(
      String index,
      String hashName,
      List<AttributeValue> hashValues,
      String rangeName,
      long upTo,
      int limit,
      @Nullable Filter filter) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    for (AttributeValue hash : hashValues) {
      found.addAll(oldestOfOne(index, hashName, hash, rangeName, upTo, limit, filter));
    }
    found.sort(
        Comparator.<Map<String, AttributeValue>>comparingLong(item -> number(item, rangeName))
            .thenComparing(item -> messageId(item)));
    return found.size() <= limit ? found : List.copyOf(found.subList(0, limit));
  }

  /** Every item of {@code index} whose hash key is {@code hash}, in range-key order. */
  List<Map<String, AttributeValue>> all(String index, String hashName, AttributeValue hash) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page =
          client.query(keyedBy(index, hashName, hash, null, 0L).exclusiveStartKey(start).build());
      found.addAll(page.items());
      start = next(page);
    } while (start != null);
    return found;
  }

  /**
   * How many items {@code index} holds under each of {@code hashValues} whose {@code rangeName} is
   * at most {@code upTo}, read as counts.
   */
  long count(
      String index, String hashName, List<AttributeValue> hashValues, String rangeName, long upTo) {
    long count = 0;
    for (AttributeValue hash : hashValues) {
      Map<String, AttributeValue> start = null;
      do {
        QueryResponse page =
            client.query(
                keyedBy(index, hashName, hash, rangeName, upTo)
                    .select(Select.COUNT)
                    .exclusiveStartKey(start)
                    .build());
        count += page.count();
        start = next(page);
      } while (start != null);
    }
    return count;
  }

  private List<Map<String, AttributeValue>> oldestOfOne(
      String index,
      String hashName,
      AttributeValue hash,
      String rangeName,
      long upTo,
      int limit,
      @Nullable Filter filter) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder query =
          keyedBy(index, hashName, hash, rangeName, upTo)
              .scanIndexForward(true)
              .limit(limit - found.size())
              .exclusiveStartKey(start);
      if (filter != null) {
        Map<String, String> names = new HashMap<>(query.build().expressionAttributeNames());
        names.putAll(filter.names());
        Map<String, AttributeValue> values =
            new HashMap<>(query.build().expressionAttributeValues());
        values.putAll(filter.values());
        query
            .filterExpression(filter.expression())
            .expressionAttributeNames(names)
            .expressionAttributeValues(values);
      }
      QueryResponse page = client.query(query.build());
      found.addAll(page.items());
      start = next(page);
    } while (start != null && found.size() < limit);
    return found;
  }

  private QueryRequest.Builder keyedBy(
      String index, String hashName, AttributeValue hash, @Nullable String rangeName, long upTo) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#h", hashName);
    values.put(":h", hash);
    String condition = "#h = :h";
    if (rangeName != null) {
      names.put("#r", rangeName);
      values.put(":upTo", MessageItems.n(upTo));
      condition += " AND #r <= :upTo";
    }
    return QueryRequest.builder()
        .tableName(table)
        .indexName(index)
        .keyConditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values);
  }

  private static @Nullable Map<String, AttributeValue> next(QueryResponse page) {
    return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
        ? page.lastEvaluatedKey()
        : null;
  }

  /** The item's message id; every outbox item has one, so a missing one sorts first. */
  private static String messageId(Map<String, AttributeValue> item) {
    AttributeValue id = item.get(MessageItems.MESSAGE_ID);
    return id == null || id.s() == null ? "" : id.s();
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? Long.MAX_VALUE : Long.parseLong(value.n());
  }
}
