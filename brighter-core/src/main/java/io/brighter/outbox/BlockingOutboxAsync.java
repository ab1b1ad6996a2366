package io.brighter.outbox;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.internal.VirtualThreads;
import io.brighter.messaging.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The {@link OutboxAsync} of an outbox whose store client blocks (JDBC, the synchronous DynamoDB
 * client): each asynchronous method runs its synchronous twin on a virtual thread of its own. A
 * back end implements {@link Outbox} and inherits the rest.
 */
public interface BlockingOutboxAsync extends Outbox, OutboxAsync {

  /** The name of the virtual threads the asynchronous methods run on. */
  String THREAD_NAME = "brighter-outbox-store";

  @Override
  default CompletableFuture<Void> addAsync(
      Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    return VirtualThreads.run(THREAD_NAME, () -> add(message, context, transaction));
  }

  @Override
  default CompletableFuture<Void> addAsync(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    return VirtualThreads.run(THREAD_NAME, () -> add(messages, context, transaction));
  }

  @Override
  default CompletableFuture<Message> getAsync(Id id) {
    return VirtualThreads.supply(THREAD_NAME, () -> get(id));
  }

  @Override
  default CompletableFuture<List<Message>> getAsync(List<Id> ids) {
    return VirtualThreads.supply(THREAD_NAME, () -> get(ids));
  }

  @Override
  default CompletableFuture<Void> markDispatchedAsync(Id id, Instant dispatchedAt) {
    return VirtualThreads.run(THREAD_NAME, () -> markDispatched(id, dispatchedAt));
  }

  @Override
  default CompletableFuture<List<Message>> outstandingMessagesAsync(
      Duration minimumAge, int pageSize) {
    return VirtualThreads.supply(THREAD_NAME, () -> outstandingMessages(minimumAge, pageSize));
  }

  @Override
  default CompletableFuture<List<Message>> dispatchedMessagesAsync(Duration age, int pageSize) {
    return VirtualThreads.supply(THREAD_NAME, () -> dispatchedMessages(age, pageSize));
  }

  @Override
  default CompletableFuture<Void> deleteAsync(List<Id> ids) {
    return VirtualThreads.run(THREAD_NAME, () -> delete(ids));
  }

  @Override
  default CompletableFuture<Long> outstandingCountAsync() {
    return VirtualThreads.supply(THREAD_NAME, this::outstandingCount);
  }
}
