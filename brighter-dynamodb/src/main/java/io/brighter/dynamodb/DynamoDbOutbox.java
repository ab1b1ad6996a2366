package io.brighter.dynamodb;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.internal.OutboxQueries;
import io.brighter.internal.Settings;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.BlockingOutboxAsync;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An {@link Outbox} in one DynamoDB table, one item per message, hash key {@code MessageId}. Its
 * sparse secondary indexes hold a message while it is outstanding (by topic shard, and by shard
 * across topics) and once it is dispatched, so listings read only the messages they return.
 *
 * {@snippet :
 * DynamoDbOutbox outbox = DynamoDbOutbox.builder()
 *     .client(dynamoDbClient)
 *     .tableName("greetings_outbox")       // default brighter_outbox
 *     .numberOfShards(3)                   // 1 to 20, default 3
 *     .timeToLive(Duration.ofDays(7))      // dispatched messages expire; default never
 *     .build()
 *     .createTableIfMissing();             // or make the table with your own tooling
 * }
 *
 * <p><b>Writes.</b> With a {@link DynamoDbTransactionProvider} (such as {@link DynamoDbUnitOfWork})
 * an add makes no call: it appends a conditional {@code Put} to the caller's transaction, so the
 * message is written when, and only if, the caller commits; a message id that is already stored
 * then cancels that transaction. Without one, an add writes at once (a batch of up to 100 as one
 * transaction) and a message id already stored is ignored. Any other provider is a {@link
 * ConfigurationException}.
 *
 * <p><b>Shards.</b> Each message goes to one of {@code numberOfShards} shards: chosen from the
 * partition key (the same key, the same shard) or at random when there is none. The outstanding and
 * dispatched listings query every shard for at most a page each and merge them oldest first.
 * Raising the shard count later is safe; lowering it hides messages in the dropped shards.
 *
 * <p><b>Dispatch.</b> {@link #markDispatched} removes the outstanding attribute (so the message
 * leaves both outstanding indexes), sets the delivery time and, with a time to live, {@code
 * ExpiresAt}. {@link #claimOutstanding} leases messages with a conditional update each, so several
 * sweepers do not send the same message while the lease lasts; it leaves out the topics the sweeper
 * skips while their sends fail, and {@link #releaseClaims} removes the leases of messages a sweep
 * did not send.
 *
 * <p>Thread-safe. The {@link io.brighter.outbox.OutboxAsync} methods run the blocking work on a
 * virtual thread. DynamoDB failures are {@link DynamoDbStoreException}s.
 */
public final class DynamoDbOutbox implements BlockingOutboxAsync {

  /** The table name used unless the builder sets another. */
  public static final String DEFAULT_TABLE_NAME = "brighter_outbox";

  /** The shard count used unless the builder sets another. */
  public static final int DEFAULT_NUMBER_OF_SHARDS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbOutbox.class);

  private final DynamoDbClient client;
  private final String table;
  private final int shards;
  private final List<AttributeValue> allShards;
  private final @Nullable Duration timeToLive;
  private final Clock clock;
  private final IndexQueries indexes;
  private final BatchCalls batches;
  private final MessageWrites writes;

  private DynamoDbOutbox(Builder builder) {
    this.client = Settings.required(builder.client, "DynamoDbOutbox.client");
    this.table = Settings.required(builder.tableName, "DynamoDbOutbox.tableName");
    DynamoDbTables.checkName(table, "DynamoDbOutbox.tableName");
    this.shards = Shards.check(builder.numberOfShards);
    this.allShards = IntStream.range(0, shards).mapToObj(MessageItems::n).toList();
    this.timeToLive = builder.timeToLive;
    this.clock = Settings.required(builder.clock, "DynamoDbOutbox.clock");
    this.indexes = new IndexQueries(client, table);
    this.batches = new BatchCalls(client, table);
    this.writes = new MessageWrites(client, table, shards);
  }

  /** A builder; only the client is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The table this outbox uses. */
  public String tableName() {
    return table;
  }

  /** How many shards the messages are spread over. */
  public int numberOfShards() {
    return shards;
  }

  /**
   * Creates the table with its indexes when it does not exist (and turns on time to live on {@code
   * ExpiresAt} when the outbox has one). Opt-in, for tests and development.
   *
   * @return this outbox
   */
  public DynamoDbOutbox createTableIfMissing() {
    DynamoDbTables.createIfMissing(
        client, DynamoDbTables.outbox(table), timeToLive == null ? null : MessageItems.EXPIRES_AT);
    return this;
  }

  @Override
  public void add(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    List<Message> toStore = List.copyOf(messages);
    if (transaction != null) {
      List<TransactWriteItem> actions =
          CallersTransaction.actions(transaction, "A DynamoDB outbox");
      toStore.forEach(
          message -> actions.add(TransactWriteItem.builder().put(writes.put(message)).build()));
      return;
    }
    try {
      writes.addAll(toStore);
    } catch (SdkException e) {
      throw failed("add to the outbox", e);
    }
  }

  /**
   * Stores {@code messages} to be sent at {@code dueAt}, as {@link Outbox#schedule} says, replacing
   * items of the same ids: with a {@link DynamoDbTransactionProvider}, unconditional {@code Put}s
   * appended to the caller's transaction, else written at once 25 to a {@code BatchWriteItem}. A
   * scheduled item's outstanding time is its due time, so a sweep sends it once the sweep's minimum
   * age has passed since then.
   */
  @Override
  public void schedule(
      List<Message> messages,
      Instant dueAt,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(dueAt, "dueAt must not be null");
    List<Put> puts = messages.stream().map(message -> writes.scheduled(message, dueAt)).toList();
    if (transaction != null) {
      List<TransactWriteItem> actions =
          CallersTransaction.actions(transaction, "A DynamoDB outbox");
      puts.forEach(put -> actions.add(TransactWriteItem.builder().put(put).build()));
      return;
    }
    try {
      batches.write(
          puts.stream()
              .map(put -> WriteRequest.builder().putRequest(r -> r.item(put.item())).build())
              .toList());
    } catch (SdkException e) {
      throw failed("schedule messages in the outbox", e);
    }
  }

  @Override
  public boolean reschedule(Id id, Instant dueAt) {
    requireNonNull(id, "id must not be null");
    requireNonNull(dueAt, "dueAt must not be null");
    try {
      return writes.changeScheduled(id, Updates.rescheduled(dueAt, clock.instant()));
    } catch (SdkException e) {
      throw failed("reschedule a message in the outbox", e);
    }
  }

  @Override
  public boolean cancelScheduled(Id id) {
    requireNonNull(id, "id must not be null");
    try {
      return writes.deleteScheduled(id, clock.instant());
    } catch (SdkException e) {
      throw failed("cancel a scheduled message in the outbox", e);
    }
  }

  /** The stored messages among {@code ids}, in the order asked; read 100 at a time. */
  @Override
  public List<Message> get(List<Id> ids) {
    List<Id> unique = List.copyOf(new LinkedHashSet<>(ids));
    try {
      List<Message> found =
          batches.get(unique.stream().map(MessageItems::key).toList()).stream()
              .map(MessageItems::toMessage)
              .toList();
      Map<Id, Integer> order =
          IntStream.range(0, unique.size())
              .boxed()
              .collect(Collectors.toMap(unique::get, Function.identity()));
      return found.stream().sorted(Comparator.comparing(m -> order.get(m.id()))).toList();
    } catch (SdkException e) {
      throw failed("read from the outbox", e);
    }
  }

  @Override
  public void markDispatched(Id id, Instant dispatchedAt) {
    requireNonNull(id, "id must not be null");
    requireNonNull(dispatchedAt, "dispatchedAt must not be null");
    try {
      writes.update(id, Updates.dispatched(dispatchedAt, timeToLive), "attribute_exists(#id)");
    } catch (ConditionalCheckFailedException e) {
      LOG.debug("Message {} is not in outbox {}; nothing to mark dispatched", id, table);
    } catch (SdkException e) {
      throw failed("mark a message dispatched in the outbox", e);
    }
  }

  @Override
  public List<Message> outstandingMessages(Duration minimumAge, int pageSize) {
    return oldest(
        DynamoDbTables.OUTSTANDING_ALL_TOPICS_INDEX,
        MessageItems.SHARD,
        allShards,
        MessageItems.OUTSTANDING_CREATED_TIME,
        minimumAge,
        pageSize,
        "outstanding");
  }

  /**
   * Up to {@code pageSize} messages of {@code topic} not yet dispatched and stored at least {@code
   * minimumAge} ago, oldest first: reads only that topic's outstanding index entries.
   */
  public List<Message> outstandingMessages(RoutingKey topic, Duration minimumAge, int pageSize) {
    return oldest(
        DynamoDbTables.OUTSTANDING_INDEX,
        MessageItems.TOPIC_SHARD,
        topicShards(topic),
        MessageItems.OUTSTANDING_CREATED_TIME,
        minimumAge,
        pageSize,
        "outstanding");
  }

  @Override
  public List<Message> claimOutstanding(Duration minimumAge, int pageSize, Duration lease) {
    return claimOutstanding(minimumAge, pageSize, lease, Set.of());
  }

  /**
   * Leases up to {@code pageSize} of the oldest outstanding messages not of {@code excludedTopics},
   * each with a conditional update. The excluded topics are filtered out as the index is read, so
   * their messages cost read capacity but never take a place in the page; at most 100 topics.
   */
  @Override
  public List<Message> claimOutstanding(
      Duration minimumAge, int pageSize, Duration lease, Set<RoutingKey> excludedTopics) {
    List<String> excluded = OutboxQueries.topicNames(excludedTopics);
    OutboxQueries.checkPageSize(pageSize);
    OutboxQueries.checkLease(lease);
    Instant now = clock.instant();
    long leaseEnds = Times.millis(OutboxQueries.leaseEnd(now, lease));
    try {
      List<Map<String, AttributeValue>> candidates =
          indexes.oldest(
              DynamoDbTables.OUTSTANDING_ALL_TOPICS_INDEX,
              MessageItems.SHARD,
              allShards,
              MessageItems.OUTSTANDING_CREATED_TIME,
              Times.millis(OutboxQueries.cutoff(now, minimumAge)),
              pageSize,
              Updates.claimable(now, excluded));
      List<Message> claimed = new ArrayList<>();
      for (Map<String, AttributeValue> candidate : candidates) {
        Message message = MessageItems.toMessage(candidate);
        if (writes.lease(message.id(), now, leaseEnds)) {
          claimed.add(message);
        }
      }
      return List.copyOf(claimed);
    } catch (SdkException e) {
      throw failed("claim outstanding messages of the outbox", e);
    }
  }

  /** Removes the lease of each outstanding message of {@code ids}, one update each. */
  @Override
  public void releaseClaims(List<Id> ids) {
    try {
      new LinkedHashSet<>(ids).forEach(writes::release);
    } catch (SdkException e) {
      throw failed("give back claims in the outbox", e);
    }
  }

  @Override
  public List<Message> messagesCausedBy(Id causationId) {
    requireNonNull(causationId, "causationId must not be null");
    try {
      return indexes
          .all(
              DynamoDbTables.CAUSATION_INDEX,
              MessageItems.CAUSATION_ID,
              MessageItems.s(causationId.value()))
          .stream()
          .map(MessageItems::toMessage)
          .sorted(Comparator.comparing(m -> m.header().timestamp()))
          .toList();
    } catch (SdkException e) {
      throw failed("list messages by causation id in the outbox", e);
    }
  }

  @Override
  public List<Message> dispatchedMessages(Duration age, int pageSize) {
    return oldest(
        DynamoDbTables.DELIVERED_ALL_TOPICS_INDEX,
        MessageItems.SHARD,
        allShards,
        MessageItems.DELIVERY_TIME,
        age,
        pageSize,
        "dispatched");
  }

  /**
   * Up to {@code pageSize} messages of {@code topic} dispatched at least {@code age} ago, oldest
   * first: reads only that topic's delivered index entries.
   */
  public List<Message> dispatchedMessages(RoutingKey topic, Duration age, int pageSize) {
    return oldest(
        DynamoDbTables.DELIVERED_INDEX,
        MessageItems.TOPIC_SHARD,
        topicShards(topic),
        MessageItems.DELIVERY_TIME,
        age,
        pageSize,
        "dispatched");
  }

  /** Deletes the messages with {@code ids}, 25 to a {@code BatchWriteItem}. */
  @Override
  public void delete(List<Id> ids) {
    List<WriteRequest> deletes =
        new LinkedHashSet<>(ids)
            .stream()
                .map(
                    id ->
                        WriteRequest.builder()
                            .deleteRequest(d -> d.key(MessageItems.key(id)))
                            .build())
                .toList();
    try {
      batches.write(deletes);
    } catch (SdkException e) {
      throw failed("delete from the outbox", e);
    }
  }

  /** Counts the outstanding index entries of every shard (reads them, as counts). */
  @Override
  public long outstandingCount() {
    try {
      return indexes.count(
          DynamoDbTables.OUTSTANDING_ALL_TOPICS_INDEX,
          MessageItems.SHARD,
          allShards,
          MessageItems.OUTSTANDING_CREATED_TIME,
          Times.millis(clock.instant())); // scheduled messages count from their due time
    } catch (SdkException e) {
      throw failed("count outstanding messages of the outbox", e);
    }
  }

  /**
   * Up to {@code pageSize} messages of {@code index} under {@code hashes} whose {@code rangeName}
   * time is at least {@code age} ago, oldest first; {@code what} names them in errors.
   */
  private List<Message> oldest(
      String index,
      String hashName,
      List<AttributeValue> hashes,
      String rangeName,
      Duration age,
      int pageSize,
      String what) {
    OutboxQueries.checkPageSize(pageSize);
    Instant cutoff = OutboxQueries.cutoff(clock.instant(), age);
    try {
      return indexes
          .oldest(index, hashName, hashes, rangeName, Times.millis(cutoff), pageSize, null)
          .stream()
          .map(MessageItems::toMessage)
          .toList();
    } catch (SdkException e) {
      throw failed("list " + what + " messages of the outbox", e);
    }
  }

  private List<AttributeValue> topicShards(RoutingKey topic) {
    requireNonNull(topic, "topic must not be null");
    return IntStream.range(0, shards)
        .mapToObj(shard -> MessageItems.s(MessageItems.topicShard(topic, shard)))
        .toList();
  }

  private DynamoDbStoreException failed(String operation, SdkException e) {
    return DynamoDbStoreException.failed(operation, table, e);
  }

  /** Builds a {@link DynamoDbOutbox}; {@link #client} is required. */
  public static final class Builder {

    private @Nullable DynamoDbClient client;
    private String tableName = DEFAULT_TABLE_NAME;
    private int numberOfShards = DEFAULT_NUMBER_OF_SHARDS;
    private @Nullable Duration timeToLive;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The client to call DynamoDB with. Required. */
    public Builder client(DynamoDbClient value) {
      this.client = value;
      return this;
    }

    /** The table; default {@value DynamoDbOutbox#DEFAULT_TABLE_NAME}. */
    public Builder tableName(String value) {
      this.tableName = value;
      return this;
    }

    /** How many shards to spread each topic over, 1 to 20; default 3. */
    public Builder numberOfShards(int value) {
      this.numberOfShards = value;
      return this;
    }

    /**
     * How long a dispatched message is kept before DynamoDB's time to live deletes it: {@code
     * markDispatched} sets {@code ExpiresAt} to the dispatch time plus this. Default: kept until
     * deleted. Time to live must be on for {@code ExpiresAt} ({@link #createTableIfMissing} turns
     * it on).
     */
    public Builder timeToLive(@Nullable Duration value) {
      if (value != null && (value.isNegative() || value.isZero())) {
        throw new ConfigurationException("DynamoDbOutbox.timeToLive must be positive: " + value);
      }
      this.timeToLive = value;
      return this;
    }

    /** The clock ages and leases are measured by; default the system's UTC clock. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * The outbox.
     *
     * @throws NullPointerException naming the property when the client is missing
     * @throws ConfigurationException when the shard count is not between 1 and 20
     */
    public DynamoDbOutbox build() {
      return new DynamoDbOutbox(this);
    }
  }
}
