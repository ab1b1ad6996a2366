package io.brighter.dynamodb;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.inbox.BlockingInboxAsync;
import io.brighter.inbox.Inbox;
import io.brighter.internal.StoredJson;
import io.brighter.outbox.BoxTransactionProvider;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An {@link Inbox} in a DynamoDB table keyed by hash {@code CommandId} and range {@code
 * ContextKey}, as .NET Brighter's DynamoDB inbox; requests are kept as JSON text.
 *
 * {@snippet :
 * DynamoDbInbox inbox = new DynamoDbInbox(dynamoDbClient)  // table brighter_inbox
 *     .createTableIfMissing();
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscriberRegistry, handlerFactory)
 *     .inbox(inbox)
 *     .build();
 * }
 *
 * <p>Adding is a put conditional on the key being absent, so two deliveries of one request adding
 * at the same moment keep the first entry and neither fails. Reads are consistent. An entry of
 * another request type under the same key reads as absent. Immutable and thread-safe; the {@link
 * io.brighter.inbox.InboxAsync} methods run the blocking work on a virtual thread. DynamoDB
 * failures are {@link DynamoDbStoreException}s.
 */
public final class DynamoDbInbox implements BlockingInboxAsync {

  /** The table name used unless {@link #withTableName} sets another. */
  public static final String DEFAULT_TABLE_NAME = "brighter_inbox";

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbInbox.class);

  private final DynamoDbClient client;
  private final String table;
  private final Clock clock;

  /** An inbox in the table {@value #DEFAULT_TABLE_NAME}. */
  public DynamoDbInbox(DynamoDbClient client) {
    this(requireNonNull(client, "client must not be null"), DEFAULT_TABLE_NAME, Clock.systemUTC());
  }

  private DynamoDbInbox(DynamoDbClient client, String table, Clock clock) {
    this.client = client;
    this.table = table;
    this.clock = clock;
  }

  /** This inbox on the table {@code tableName}. */
  public DynamoDbInbox withTableName(String tableName) {
    requireNonNull(tableName, "tableName must not be null");
    DynamoDbTables.checkName(tableName, "DynamoDbInbox.tableName");
    return new DynamoDbInbox(client, tableName, clock);
  }

  /** This inbox stamping entries with the time of {@code clock}. */
  public DynamoDbInbox withClock(Clock clock) {
    return new DynamoDbInbox(client, table, requireNonNull(clock, "clock must not be null"));
  }

  /** The table this inbox uses. */
  public String tableName() {
    return table;
  }

  /**
   * Creates the table when it does not exist. Opt-in, for tests and development.
   *
   * @return this inbox
   */
  public DynamoDbInbox createTableIfMissing() {
    DynamoDbTables.createIfMissing(client, DynamoDbTables.inbox(table), null);
    return this;
  }

  @Override
  public void add(Request request, String contextKey) {
    add(request, contextKey, null);
  }

  /**
   * Records {@code request}: with a {@link DynamoDbTransactionProvider}, a conditional {@code Put}
   * appended to the caller's transaction (a record already there cancels that transaction, so a
   * request handled twice at once commits its effects only once); without one, at once, a record
   * already there ignored.
   *
   * @throws ConfigurationException when the transaction is of another kind
   */
  @Override
  public void add(
      Request request, String contextKey, @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(request, "request must not be null");
    requireNonNull(contextKey, "contextKey must not be null");
    Put put =
        Put.builder()
            .tableName(table)
            .item(
                Map.of(
                    InboxItems.COMMAND_ID, MessageItems.s(request.id().value()),
                    InboxItems.CONTEXT_KEY, MessageItems.s(contextKey),
                    InboxItems.COMMAND_TYPE, MessageItems.s(request.getClass().getName()),
                    InboxItems.COMMAND_BODY, MessageItems.s(StoredJson.requestToJson(request)),
                    InboxItems.TIME_STAMP, MessageItems.s(clock.instant().toString())))
            .conditionExpression("attribute_not_exists(#id)")
            .expressionAttributeNames(Map.of("#id", InboxItems.COMMAND_ID))
            .build();
    if (transaction != null) {
      CallersTransaction.actions(transaction, "A DynamoDB inbox")
          .add(TransactWriteItem.builder().put(put).build());
      return;
    }
    try {
      if (!MessageWrites.putIfAbsent(client, put)) {
        LOG.debug(
            "Request {} is already in inbox {} for context '{}'; the duplicate is ignored",
            request.id(),
            table,
            contextKey);
      }
    } catch (SdkException e) {
      throw DynamoDbStoreException.failed("add to the inbox", table, e);
    }
  }

  /**
   * A {@link DynamoDbUnitOfWork} on this inbox's client: a handler behind the inbox appends its
   * writes to it, and they and the record of the request are written as one transaction.
   */
  @Override
  public BoxTransactionProvider<?> newTransaction() {
    return new DynamoDbUnitOfWork(client);
  }

  @Override
  public <T extends Request> Optional<T> get(Id id, String contextKey, Class<T> type) {
    return Optional.ofNullable(body(id, contextKey, type))
        .map(json -> StoredJson.requestFromJson(json, type));
  }

  @Override
  public boolean exists(Id id, String contextKey, Class<?> type) {
    return body(id, contextKey, type) != null;
  }

  private @Nullable String body(Id id, String contextKey, Class<?> type) {
    requireNonNull(id, "id must not be null");
    requireNonNull(contextKey, "contextKey must not be null");
    requireNonNull(type, "type must not be null");
    try {
      Map<String, AttributeValue> item =
          client
              .getItem(
                  get ->
                      get.tableName(table)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  InboxItems.COMMAND_ID, MessageItems.s(id.value()),
                                  InboxItems.CONTEXT_KEY, MessageItems.s(contextKey))))
              .item();
      if (item == null || item.isEmpty()) {
        return null;
      }
      AttributeValue storedType = item.get(InboxItems.COMMAND_TYPE);
      AttributeValue body = item.get(InboxItems.COMMAND_BODY);
      return storedType != null && type.getName().equals(storedType.s()) && body != null
          ? body.s()
          : null;
    } catch (SdkException e) {
      throw DynamoDbStoreException.failed("read from the inbox", table, e);
    }
  }
}
