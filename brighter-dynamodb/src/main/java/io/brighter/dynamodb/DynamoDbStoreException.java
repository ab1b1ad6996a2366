package io.brighter.dynamodb;

import java.io.Serial;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A DynamoDB outbox, inbox or unit of work could not do its work: DynamoDB refused a request or
 * could not be reached. Wraps the SDK's exception and says which operation on which table failed. A
 * cancelled transaction is not wrapped: {@link DynamoDbUnitOfWork#commit()} lets the SDK's {@code
 * TransactionCanceledException} through, with its cancellation reasons.
 *
 * {@snippet :
 * try {
 *   outbox.add(message, new RequestContext(), null);
 * } catch (DynamoDbStoreException e) {
 *   log.warn("outbox write failed on {}: {}", e.table(), e.getMessage());
 * }
 * }
 */
public final class DynamoDbStoreException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  private final String table;

  private DynamoDbStoreException(String message, String table, Throwable cause) {
    super(message, cause);
    this.table = table;
  }

  /** The failure of {@code operation} (e.g. "add to the outbox") on {@code table}. */
  public static DynamoDbStoreException failed(String operation, String table, SdkException cause) {
    String code =
        cause instanceof AwsServiceException service && service.awsErrorDetails() != null
            ? ", " + service.awsErrorDetails().errorCode()
            : "";
    return new DynamoDbStoreException(
        "Could not " + operation + " (table " + table + code + "): " + cause.getMessage(),
        table,
        cause);
  }

  /** The table the failed request used ({@code -} for a transaction over several tables). */
  public String table() {
    return table;
  }
}
