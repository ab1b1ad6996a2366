package io.brighter.messaging;

import io.brighter.Request;
import io.brighter.RequestContext;

/**
 * Turns requests of type {@code T} into messages and back. Register one per request type in a
 * {@link MessageMapperRegistry}; types without one use the default JSON mapper.
 *
 * {@snippet :
 * final class GreetingAddedMapper implements MessageMapper<GreetingAdded> {
 *   public Message mapToMessage(GreetingAdded event, Publication publication) {
 *     MessageHeader header =
 *         MessageHeader.builder(event.id(), publication.topic(), MessageType.EVENT).build();
 *     return new Message(header, MessageBody.json("{\"name\":\"" + event.name() + "\"}"));
 *   }
 *
 *   public GreetingAdded mapToRequest(Message message) {
 *     return new GreetingAdded(message.id(), Json.read(message.body().text()).get("name"));
 *   }
 * }
 * }
 *
 * <p>A mapper that cannot read a message throws {@link io.brighter.actions.InvalidMessageAction},
 * so a consumer dead-letters it. Mappers are shared between threads and must be thread-safe.
 *
 * @param <T> the request type
 */
public interface MessageMapper<T extends Request> {

  /** The message for {@code request}, published through {@code publication}. */
  Message mapToMessage(T request, Publication publication);

  /**
   * The message for {@code request}, with the context of the call that posted it (its bag may carry
   * a partition key, say). The default ignores the context.
   */
  default Message mapToMessage(T request, Publication publication, RequestContext context) {
    return mapToMessage(request, publication);
  }

  /** The request {@code message} carries. */
  T mapToRequest(Message message);
}
