package io.brighter.dynamodb;

import io.brighter.outbox.BoxTransactionProvider;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A DynamoDB transaction the caller and the outbox both write into: a list of {@link
 * TransactWriteItem}s committed as one {@code TransactWriteItems} call. {@link DynamoDbOutbox}
 * accepts any provider of this type; {@link DynamoDbUnitOfWork} and {@link DynamoDbAsyncUnitOfWork}
 * are the ones this module ships.
 *
 * {@snippet :
 * DynamoDbTransactionProvider unitOfWork = new DynamoDbUnitOfWork(client);
 * unitOfWork.beginOrGetTransaction().add(TransactWriteItem.builder().put(personPut).build());
 * commandProcessor.depositPost(new GreetingMade(Id.random(), "Hello"), unitOfWork);
 * unitOfWork.commit();
 * }
 *
 * <p>Used by one thread at a time, like every {@link BoxTransactionProvider}.
 */
public interface DynamoDbTransactionProvider
    extends BoxTransactionProvider<List<TransactWriteItem>> {

  /**
   * The mutable list of actions of the open transaction, begun on first use; the caller and the
   * outbox add to it, and {@link #commit()} writes it in one {@code TransactWriteItems} call.
   */
  List<TransactWriteItem> beginOrGetTransaction();

  @Override
  default List<TransactWriteItem> transaction() {
    return beginOrGetTransaction();
  }
}
