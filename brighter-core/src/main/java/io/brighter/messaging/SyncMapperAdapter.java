package io.brighter.messaging;

import io.brighter.Request;
import io.brighter.RequestContext;
import java.util.concurrent.CompletableFuture;

/**
 * A synchronous mapper offered where an asynchronous one is asked for: it maps on the calling
 * thread and returns completed futures, failed ones when the mapper throws.
 *
 * @param delegate the mapper doing the work
 * @param <T> the request type
 */
record SyncMapperAdapter<T extends Request>(MessageMapper<T> delegate)
    implements MessageMapperAsync<T> {

  @Override
  public CompletableFuture<Message> mapToMessageAsync(
      T request, Publication publication, RequestContext context) {
    try {
      return CompletableFuture.completedFuture(
          delegate.mapToMessage(request, publication, context));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<T> mapToRequestAsync(Message message) {
    try {
      return CompletableFuture.completedFuture(delegate.mapToRequest(message));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
