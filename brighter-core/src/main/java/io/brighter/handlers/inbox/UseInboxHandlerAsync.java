package io.brighter.handlers.inbox;

import io.brighter.Id;
import io.brighter.Request;
import io.brighter.handlers.PreparedRequestHandlerAsync;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.Inbox;
import io.brighter.inbox.InboxAsync;
import io.brighter.internal.Futures;
import io.brighter.outbox.BoxTransactionProvider;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by {@link UseInbox} and the global inbox; see {@link
 * UseInboxHandler}. When the inbox offers a transaction ({@link Inbox#newTransaction}), the rest of
 * the pipeline runs with it in the context, and once its future completes the record is written in
 * it and it commits (or, when the future failed, rolls back), on the thread that completed the
 * future: the handler's writes in it and the record stand or fall together. Otherwise it uses the
 * inbox's {@link InboxAsync} methods when it has them, and its blocking ones otherwise. A {@code
 * REPLAY} sends the messages on the thread that found the duplicate.
 *
 * @param <T> the request type
 */
public final class UseInboxHandlerAsync<T extends Request>
    extends PreparedRequestHandlerAsync<T, UseInbox, InboxSettings> {

  @Override
  public InboxSettings prepare(UseInbox annotation, Class<?> targetHandler) {
    return InboxSettings.of(annotation, targetHandler);
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    return Futures.call(() -> run(request));
  }

  private CompletableFuture<T> run(T request) {
    InboxSettings configured = settings();
    Inbox inbox = configured.inbox(context());
    Id causationId = InboxSettings.causationId(request, context());
    String key = configured.contextKey();
    CompletableFuture<Boolean> seen =
        configured.onceOnly()
            ? exists(inbox, request, key)
            : CompletableFuture.completedFuture(false);
    return seen.thenCompose(
        duplicate ->
            duplicate
                ? CompletableFuture.completedFuture(
                    configured.duplicate(request, context(), causationId))
                : handleAndRecord(inbox, request, key));
  }

  private CompletableFuture<T> handleAndRecord(Inbox inbox, T request, String key) {
    BoxTransactionProvider<?> transaction = inbox.newTransaction();
    if (transaction == null) {
      return Futures.call(() -> super.handleAsync(request))
          .thenCompose(handled -> add(inbox, request, key).thenApply(added -> handled));
    }
    BoxTransactionProvider<?> outer = context().transaction().orElse(null);
    context().useTransaction(transaction);
    return Futures.call(() -> super.handleAsync(request))
        .thenApply(
            handled -> {
              inbox.add(request, key, transaction);
              transaction.commit();
              return handled;
            })
        .whenComplete(
            (handled, failure) -> {
              if (failure != null) {
                UseInboxHandler.rollBack(transaction, Futures.unwrap(failure));
              }
              context().useTransaction(outer);
            });
  }

  private static CompletableFuture<Boolean> exists(Inbox inbox, Request request, String key) {
    if (inbox instanceof InboxAsync async) {
      return async.existsAsync(request.id(), key, request.getClass());
    }
    return Futures.call(
        () ->
            CompletableFuture.completedFuture(inbox.exists(request.id(), key, request.getClass())));
  }

  private static CompletableFuture<Void> add(Inbox inbox, Request request, String key) {
    if (inbox instanceof InboxAsync async) {
      return async.addAsync(request, key);
    }
    return Futures.call(
        () -> {
          inbox.add(request, key);
          return CompletableFuture.completedFuture(null);
        });
  }
}
