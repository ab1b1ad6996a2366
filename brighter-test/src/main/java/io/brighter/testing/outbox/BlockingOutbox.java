package io.brighter.testing.outbox;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxAsync;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OutboxAsync} seen as an {@link Outbox}: each call waits for its future and rethrows the
 * exception a failed one carries.
 */
final class BlockingOutbox implements Outbox {

  private final OutboxAsync outbox;

  BlockingOutbox(OutboxAsync outbox) {
    this.outbox = outbox;
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public void add(
      Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    await(outbox.addAsync(message, context, transaction));
  }

  @Override
  public void add(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    await(outbox.addAsync(messages, context, transaction));
  }

  @Override
  public Message get(Id id) {
    return await(outbox.getAsync(id));
  }

  @Override
  public List<Message> get(List<Id> ids) {
    return await(outbox.getAsync(ids));
  }

  @Override
  public void markDispatched(Id id, Instant dispatchedAt) {
    await(outbox.markDispatchedAsync(id, dispatchedAt));
  }

  @Override
  public List<Message> outstandingMessages(Duration minimumAge, int pageSize) {
    return await(outbox.outstandingMessagesAsync(minimumAge, pageSize));
  }

  @Override
  public List<Message> dispatchedMessages(Duration age, int pageSize) {
    return await(outbox.dispatchedMessagesAsync(age, pageSize));
  }

  @Override
  public void delete(List<Id> ids) {
    await(outbox.deleteAsync(ids));
  }

  @Override
  public long outstandingCount() {
    return await(outbox.outstandingCountAsync());
  }
}
