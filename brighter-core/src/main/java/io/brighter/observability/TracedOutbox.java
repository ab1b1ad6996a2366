package io.brighter.observability;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An outbox whose every call is a client span ({@code "outbox <operation>"}) around the same call
 * on the outbox it wraps; made by {@link BrighterTracer#traced(Outbox)}.
 */
final class TracedOutbox implements Outbox {

  private final Outbox outbox;
  private final BrighterTracer tracer;

  TracedOutbox(Outbox outbox, BrighterTracer tracer) {
    this.outbox = outbox;
    this.tracer = tracer;
  }

  @Override
  public void add(
      Message message, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    tracer.inSpan(
        tracer.storeSpan(outbox, "add", 1), () -> outbox.add(message, context, transaction));
  }

  @Override
  public void add(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    tracer.inSpan(
        tracer.storeSpan(outbox, "add", messages.size()),
        () -> outbox.add(messages, context, transaction));
  }

  @Override
  public Message get(Id id) {
    return tracer.inSpan(tracer.storeSpan(outbox, "get", 1), () -> outbox.get(id));
  }

  @Override
  public List<Message> get(List<Id> ids) {
    return tracer.inSpan(tracer.storeSpan(outbox, "get", ids.size()), () -> outbox.get(ids));
  }

  @Override
  public void markDispatched(Id id, Instant dispatchedAt) {
    tracer.inSpan(
        tracer.storeSpan(outbox, "mark_dispatched", 1),
        () -> outbox.markDispatched(id, dispatchedAt));
  }

  @Override
  public void markDispatched(List<Id> ids, Instant dispatchedAt) {
    tracer.inSpan(
        tracer.storeSpan(outbox, "mark_dispatched", ids.size()),
        () -> outbox.markDispatched(ids, dispatchedAt));
  }

  @Override
  public List<Message> outstandingMessages(Duration minimumAge, int pageSize) {
    return tracer.inSpan(
        tracer.storeSpan(outbox, "outstanding", pageSize),
        () -> outbox.outstandingMessages(minimumAge, pageSize));
  }

  @Override
  public List<Message> claimOutstanding(Duration minimumAge, int pageSize, Duration lease) {
    return tracer.inSpan(
        tracer.storeSpan(outbox, "claim", pageSize),
        () -> outbox.claimOutstanding(minimumAge, pageSize, lease));
  }

  @Override
  public List<Message> claimOutstanding(
      Duration minimumAge, int pageSize, Duration lease, Set<RoutingKey> excludedTopics) {
    return tracer.inSpan(
        tracer.storeSpan(outbox, "claim", pageSize),
        () -> outbox.claimOutstanding(minimumAge, pageSize, lease, excludedTopics));
  }

  @Override
  public void releaseClaims(List<Id> ids) {
    tracer.inSpan(
        tracer.storeSpan(outbox, "release_claims", ids.size()), () -> outbox.releaseClaims(ids));
  }

  @Override
  public List<Message> messagesCausedBy(Id causationId) {
    return tracer.inSpan(
        tracer.storeSpan(outbox, "caused_by", 1), () -> outbox.messagesCausedBy(causationId));
  }

  @Override
  public List<Message> dispatchedMessages(Duration age, int pageSize) {
    return tracer.inSpan(
        tracer.storeSpan(outbox, "dispatched", pageSize),
        () -> outbox.dispatchedMessages(age, pageSize));
  }

  @Override
  public void delete(List<Id> ids) {
    tracer.inSpan(tracer.storeSpan(outbox, "delete", ids.size()), () -> outbox.delete(ids));
  }

  @Override
  public long outstandingCount() {
    return tracer.inSpan(
        tracer.storeSpan(outbox, "outstanding_count", 1), () -> outbox.outstandingCount());
  }

  @Override
  public String toString() {
    return "Traced" + outbox;
  }
}
