package io.brighter.dynamodb;

import static java.util.Objects.requireNonNull;

import io.brighter.internal.Futures;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The {@link DynamoDbUnitOfWork} of a {@link DynamoDbAsyncClient}: the same transaction, committed
 * without blocking by {@link #commitAsync()}.
 *
 * {@snippet :
 * DynamoDbAsyncUnitOfWork unitOfWork = new DynamoDbAsyncUnitOfWork(asyncClient);
 * unitOfWork.beginOrGetTransaction().add(TransactWriteItem.builder().put(personPut).build());
 * commandProcessor.depositPostAsync(new GreetingMade(Id.random(), "Hello"), unitOfWork)
 *     .thenCompose(id -> unitOfWork.commitAsync().thenApply(done -> id));
 * }
 *
 * <p>The rules and failures are those of {@link DynamoDbUnitOfWork}; {@link #commitAsync()} carries
 * them in its future. Used by one thread (or one chain of stages) at a time.
 */
public final class DynamoDbAsyncUnitOfWork extends UnitOfWorkActions {

  private final DynamoDbAsyncClient client;

  /** A unit of work committing through {@code client}. */
  public DynamoDbAsyncUnitOfWork(DynamoDbAsyncClient client) {
    this.client = requireNonNull(client, "client must not be null");
  }

  /** The client this unit of work commits through, for the caller's reads. */
  public DynamoDbAsyncClient dynamoDb() {
    return client;
  }

  /**
   * Writes every action of the transaction with one {@code TransactWriteItems}; the future fails as
   * {@link DynamoDbUnitOfWork#commit()} throws.
   */
  public CompletableFuture<Void> commitAsync() {
    Ending ending = endTransaction();
    List<TransactWriteItem> actions = ending.writes();
    if (actions.isEmpty()) {
      ending.finish(true);
      return CompletableFuture.completedFuture(null);
    }
    try {
      TransactWrites.check(actions);
    } catch (IllegalStateException e) {
      ending.finish(false);
      return CompletableFuture.failedFuture(e);
    }
    return client
        .transactWriteItems(request -> request.transactItems(actions))
        .handle(
            (response, failure) -> {
              ending.finish(failure == null);
              if (failure == null) {
                return null;
              }
              Throwable cause = Futures.unwrap(failure);
              throw new CompletionException(
                  cause instanceof SdkException sdk ? TransactWrites.failed(sdk) : cause);
            });
  }

  /** Blocks on {@link #commitAsync()}, throwing its failure unwrapped. */
  @Override
  public void commit() {
    try {
      commitAsync().join();
    } catch (CompletionException e) {
      Throwable cause = Futures.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
