package io.brighter.messaging.transforms;

import io.brighter.messaging.Message;
import io.brighter.messaging.Publication;

/**
 * One step of a message's way out ({@link #wrap}) and in ({@link #unwrap}): compress the body, move
 * it to a luggage store, add CloudEvents attributes. A transform is named by an annotation on a
 * mapper method (see {@link Transform}) and applied by {@link
 * io.brighter.messaging.MessagePipeline}.
 *
 * {@snippet :
 * public final class Shout implements MessageTransform {
 *   public Message wrap(Message message, Publication publication) {
 *     return message.withBody(MessageBody.of(message.body().text().toUpperCase(), "text/plain"));
 *   }
 *
 *   public Message unwrap(Message message) {
 *     return message.withBody(MessageBody.of(message.body().text().toLowerCase(), "text/plain"));
 *   }
 * }
 * }
 *
 * <p>A transform needs a public or package-private constructor taking no arguments, or one taking a
 * {@link LuggageStore} to be given the pipeline's store. To read its annotation's parameters it
 * implements {@link io.brighter.handlers.ConfiguredBy} or {@link io.brighter.handlers.PreparedBy},
 * called once when the pipeline first meets the mapper. The pipeline then keeps the instance and
 * calls it from any thread, so it must be thread-safe once configured. A transform returns the
 * message unchanged when it does not apply; it throws {@link
 * io.brighter.actions.InvalidMessageAction} when it cannot unwrap a message.
 */
public interface MessageTransform {

  /** The message as it should leave, after the mapper wrote it for {@code publication}. */
  Message wrap(Message message, Publication publication);

  /** The message as the mapper should read it. */
  Message unwrap(Message message);
}
