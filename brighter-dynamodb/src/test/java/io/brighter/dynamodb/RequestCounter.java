package io.brighter.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Counts the requests a client sends, per operation, and the items its queries and batch reads read
 * (a query's {@code ScannedCount}: what DynamoDB reads before any filter). Install with {@code
 * LocalDynamoDb.client(List.of(counter))}.
 */
final class RequestCounter implements ExecutionInterceptor {

  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final AtomicLong itemsRead = new AtomicLong();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    requests.computeIfAbsent(operation, name -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (context.response() instanceof QueryResponse query && query.scannedCount() != null) {
      itemsRead.addAndGet(query.scannedCount());
    } else if (context.response() instanceof BatchGetItemResponse batch) {
      batch.responses().values().forEach(items -> itemsRead.addAndGet(items.size()));
    }
  }

  /** Requests per operation since the last {@link #reset()}, by name. */
  Map<String, Long> requests() {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach((name, count) -> counts.put(name, count.get()));
    return counts;
  }

  /** Requests of {@code operation} since the last reset. */
  long requests(String operation) {
    AtomicLong count = requests.get(operation);
    return count == null ? 0 : count.get();
  }

  /** Items read by queries and batch reads since the last reset. */
  long itemsRead() {
    return itemsRead.get();
  }

  void reset() {
    requests.clear();
    itemsRead.set(0);
  }
}
