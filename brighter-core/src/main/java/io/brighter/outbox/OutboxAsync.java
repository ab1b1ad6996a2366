package io.brighter.outbox;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The non-blocking twin of {@link Outbox}, with the same rules. When the configured outbox
 * implements it with a non-blocking client, {@code depositPostAsync} and {@code postAsync} store
 * through it and {@code clearOutboxAsync} reads through it, so no thread waits for the store; an
 * outbox whose client blocks ({@link BlockingOutboxAsync}, or {@link Outbox} alone) is called on
 * virtual threads instead. The sends then run on a virtual thread. Each method's future completes
 * when the store has done the work. Sweeps, which run on the sweeper's own thread, use {@link
 * Outbox}.
 */
public interface OutboxAsync {

  /** See {@link Outbox#add(Message, RequestContext, BoxTransactionProvider)}. */
  CompletableFuture<Void> addAsync(
      Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction);

  /** See {@link Outbox#add(List, RequestContext, BoxTransactionProvider)}. */
  CompletableFuture<Void> addAsync(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction);

  /** See {@link Outbox#get(Id)}. */
  CompletableFuture<Message> getAsync(Id id);

  /** See {@link Outbox#get(List)}. */
  CompletableFuture<List<Message>> getAsync(List<Id> ids);

  /** See {@link Outbox#markDispatched(Id, Instant)}. */
  CompletableFuture<Void> markDispatchedAsync(Id id, Instant dispatchedAt);

  /** See {@link Outbox#outstandingMessages(Duration, int)}. */
  CompletableFuture<List<Message>> outstandingMessagesAsync(Duration minimumAge, int pageSize);

  /** See {@link Outbox#dispatchedMessages(Duration, int)}. */
  CompletableFuture<List<Message>> dispatchedMessagesAsync(Duration age, int pageSize);

  /** See {@link Outbox#delete(List)}. */
  CompletableFuture<Void> deleteAsync(List<Id> ids);

  /** See {@link Outbox#outstandingCount()}. */
  CompletableFuture<Long> outstandingCountAsync();
}
