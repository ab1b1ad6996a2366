package io.brighter.inbox;

import io.brighter.Id;
import io.brighter.Request;
import io.brighter.internal.VirtualThreads;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link InboxAsync} of an inbox whose store client blocks (JDBC, the synchronous DynamoDB
 * client): each asynchronous method runs its synchronous twin on a virtual thread of its own. A
 * back end implements {@link Inbox} and inherits the rest.
 */
public interface BlockingInboxAsync extends Inbox, InboxAsync {

  /** The name of the virtual threads the asynchronous methods run on. */
  String THREAD_NAME = "brighter-inbox-store";

  @Override
  default CompletableFuture<Void> addAsync(Request request, String contextKey) {
    return VirtualThreads.run(THREAD_NAME, () -> add(request, contextKey));
  }

  @Override
  default <T extends Request> CompletableFuture<Optional<T>> getAsync(
      Id id, String contextKey, Class<T> type) {
    return VirtualThreads.supply(THREAD_NAME, () -> get(id, contextKey, type));
  }

  @Override
  default CompletableFuture<Boolean> existsAsync(Id id, String contextKey, Class<?> type) {
    return VirtualThreads.supply(THREAD_NAME, () -> exists(id, contextKey, type));
  }
}
