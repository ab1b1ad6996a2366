package io.brighter;

import io.brighter.messaging.Message;
import io.brighter.outbox.BlockingOutboxAsync;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@link io.brighter.outbox.OutboxAsync} of an outbox that only blocks: each asynchronous
 * method runs the synchronous one of {@code outbox} on a virtual thread.
 */
record BlockingOutboxAdapter(Outbox outbox) implements BlockingOutboxAsync {

  @Override
  public void add(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    outbox.add(messages, context, transaction);
  }

  @Override
  public List<Message> get(List<Id> ids) {
    return outbox.get(ids);
  }

  @Override
  public void markDispatched(Id id, Instant dispatchedAt) {
    outbox.markDispatched(id, dispatchedAt);
  }

  @Override
  public void markDispatched(List<Id> ids, Instant dispatchedAt) {
    outbox.markDispatched(ids, dispatchedAt);
  }

  @Override
  public List<Message> outstandingMessages(Duration minimumAge, int pageSize) {
    return outbox.outstandingMessages(minimumAge, pageSize);
  }

  @Override
  public List<Message> dispatchedMessages(Duration age, int pageSize) {
    return outbox.dispatchedMessages(age, pageSize);
  }

  @Override
  public void delete(List<Id> ids) {
    outbox.delete(ids);
  }

  @Override
  public long outstandingCount() {
    return outbox.outstandingCount();
  }
}
