package io.brighter.dynamodb;

import static java.util.Objects.requireNonNull;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One DynamoDB transaction shared by the caller's writes and the outbox: the caller adds its {@link
 * TransactWriteItem}s to {@link #beginOrGetTransaction()}, {@code depositPost} with this unit of
 * work adds a {@code Put} of each message into the outbox table (no call to DynamoDB), and {@link
 * #commit()} writes them all with one {@code TransactWriteItems}: all or nothing.
 *
 * {@snippet :
 * DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(client);
 * try {
 *   unitOfWork.beginOrGetTransaction().add(TransactWriteItem.builder()
 *       .put(Put.builder().tableName("People").item(person).build())
 *       .build());
 *   Id id = commandProcessor.depositPost(new GreetingMade(Id.random(), "Hello"), unitOfWork);
 *   unitOfWork.commit();
 *   commandProcessor.clearOutbox(List.of(id));
 * } catch (RuntimeException e) {
 *   unitOfWork.rollback();
 *   throw e;
 * }
 * }
 *
 * <p>{@link #commit()} checks DynamoDB's rules first and fails with an {@link
 * IllegalStateException}, writing nothing, when the transaction holds more than 100 actions or two
 * actions touch one item. When a condition fails, or DynamoDB cancels the transaction for another
 * reason, the SDK's {@code TransactionCanceledException} is thrown as it is, with one cancellation
 * reason per action in order; other failures are {@link DynamoDbStoreException}s. Either way the
 * transaction has ended and nothing was written. {@link #rollback()} discards the actions. The next
 * use begins a new transaction. Used by one thread at a time.
 */
public final class DynamoDbUnitOfWork extends UnitOfWorkActions {

  private final DynamoDbClient client;

  /** A unit of work committing through {@code client}. */
  public DynamoDbUnitOfWork(DynamoDbClient client) {
    this.client = requireNonNull(client, "client must not be null");
  }

  /** The client this unit of work commits through, for the caller's reads. */
  public DynamoDbClient dynamoDb() {
    return client;
  }

  /**
   * Writes every action of the transaction with one {@code TransactWriteItems}; does nothing when
   * there is none.
   *
   * @throws IllegalStateException when the actions break DynamoDB's rules (nothing is written)
   * @throws software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException when
   *     DynamoDB cancelled the transaction, e.g. because a condition failed
   * @throws DynamoDbStoreException when DynamoDB failed otherwise
   */
  @Override
  public void commit() {
    Ending ending = endTransaction();
    List<TransactWriteItem> actions = ending.writes();
    boolean written = false;
    try {
      if (!actions.isEmpty()) {
        TransactWrites.check(actions);
        client.transactWriteItems(request -> request.transactItems(actions));
      }
      written = true;
    } catch (SdkException e) {
      throw TransactWrites.failed(e);
    } finally {
      ending.finish(written);
    }
  }
}
