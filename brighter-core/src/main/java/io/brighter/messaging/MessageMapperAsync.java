package io.brighter.messaging;

import io.brighter.Request;
import io.brighter.RequestContext;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking twin of {@link MessageMapper}, for mappers that do I/O (a schema registry
 * look-up, say).
 *
 * @param <T> the request type
 */
public interface MessageMapperAsync<T extends Request> {

  /** The message for {@code request}, published through {@code publication}. */
  CompletableFuture<Message> mapToMessageAsync(
      T request, Publication publication, RequestContext context);

  /** The request {@code message} carries. */
  CompletableFuture<T> mapToRequestAsync(Message message);
}
