package io.brighter.messaging.transforms;

import static java.util.Objects.requireNonNull;

import io.brighter.actions.InvalidMessageAction;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.Publication;
import java.lang.annotation.Annotation;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/** The transform behind {@link ClaimCheck} and {@link RetrieveClaim}. */
final class ClaimCheckTransform implements MessageTransform, ConfiguredBy<Annotation> {

  static final String CLAIM_CHECK = "claim_check_header";

  private final LuggageStore store;
  private int thresholdBytes;
  private boolean retain;

  ClaimCheckTransform(LuggageStore store) {
    this.store = requireNonNull(store, "store must not be null");
  }

  @Override
  public void configure(Annotation annotation, Class<?> mapper) {
    if (annotation instanceof ClaimCheck check) {
      thresholdBytes = BuiltInTransforms.bytes(check.thresholdKiB(), "ClaimCheck", mapper);
    } else if (annotation instanceof RetrieveClaim retrieve) {
      retain = retrieve.retain();
    } else {
      throw BuiltInTransforms.unexpected(this, annotation);
    }
  }

  @Override
  public Message wrap(Message message, Publication publication) {
    MessageBody body = message.body();
    if (BuiltInTransforms.below(body, thresholdBytes)) {
      return message;
    }
    String claimId = store.store(body.bytes());
    MessageHeader header =
        message.header().toBuilder().dataRef(claimId).bagEntry(CLAIM_CHECK, claimId).build();
    return new Message(header, new MessageBody(new byte[0], body.contentType()));
  }

  @Override
  public Message unwrap(Message message) {
    String claimId = claimOf(message.header());
    if (claimId == null) {
      return message;
    }
    byte[] luggage;
    try {
      luggage = store.retrieve(claimId);
    } catch (NoSuchElementException e) {
      throw new InvalidMessageAction(
          "Message " + message.id() + " claims luggage " + claimId + " the store does not hold", e);
    }
    MessageHeader header =
        message.header().toBuilder().dataRef(null).removeBagEntry(CLAIM_CHECK).build();
    Message retrieved =
        new Message(header, new MessageBody(luggage, message.header().contentType()));
    if (!retain) {
      store.delete(claimId);
    }
    return retrieved;
  }

  private static @Nullable String claimOf(MessageHeader header) {
    if (header.dataRef() != null) {
      return header.dataRef();
    }
    Object claim = header.bag().get(CLAIM_CHECK);
    return claim == null ? null : claim.toString();
  }
}
