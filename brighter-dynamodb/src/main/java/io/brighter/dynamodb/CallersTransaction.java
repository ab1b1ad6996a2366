package io.brighter.dynamodb;

import io.brighter.ConfigurationException;
import io.brighter.outbox.BoxTransactionProvider;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The caller's DynamoDB transaction that the outbox and inbox append their writes to. */
final class CallersTransaction {

  private CallersTransaction() {}

  /**
   * The actions of {@code provider}'s transaction, begun if need be.
   *
   * @param store what writes in it, for the error ("A DynamoDB outbox")
   * @throws ConfigurationException when {@code provider} is not a {@link
   *     DynamoDbTransactionProvider}
   */
  static List<TransactWriteItem> actions(BoxTransactionProvider<?> provider, String store) {
    if (provider instanceof DynamoDbTransactionProvider dynamo) {
      return dynamo.beginOrGetTransaction();
    }
    throw new ConfigurationException(
        store
            + " cannot write in a transaction of "
            + provider.getClass().getName()
            + "; it needs a "
            + DynamoDbTransactionProvider.class.getName()
            + " such as "
            + DynamoDbUnitOfWork.class.getName());
  }
}
