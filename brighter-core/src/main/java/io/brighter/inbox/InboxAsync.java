package io.brighter.inbox;

import io.brighter.Id;
import io.brighter.Request;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking twin of {@link Inbox}, with the same rules; asynchronous pipelines use it when
 * the configured inbox implements it. Failures are carried by the returned futures.
 *
 * {@snippet :
 * InboxAsync inbox = new InMemoryInbox();
 * inbox.addAsync(command, "AddGreetingHandler")
 *     .thenCompose(added -> inbox.existsAsync(command.id(), "AddGreetingHandler", AddGreeting.class));
 * }
 *
 * <p>Implementations are thread-safe.
 */
public interface InboxAsync {

  /** As {@link Inbox#add}. */
  CompletableFuture<Void> addAsync(Request request, String contextKey);

  /** As {@link Inbox#get}. */
  <T extends Request> CompletableFuture<Optional<T>> getAsync(
      Id id, String contextKey, Class<T> type);

  /** As {@link Inbox#exists}. */
  CompletableFuture<Boolean> existsAsync(Id id, String contextKey, Class<?> type);
}
