package io.brighter.observability;

import io.brighter.Id;
import io.brighter.Request;
import io.brighter.inbox.Inbox;
import java.util.Optional;

/**
 * An inbox whose every call is a client span ({@code "inbox <operation>"}) around the same call on
 * the inbox it wraps; made by {@link BrighterTracer#traced(Inbox)}.
 */
final class TracedInbox implements Inbox {

  private final Inbox inbox;
  private final BrighterTracer tracer;

  TracedInbox(Inbox inbox, BrighterTracer tracer) {
    this.inbox = inbox;
    this.tracer = tracer;
  }

  @Override
  public void add(Request request, String contextKey) {
    tracer.inSpan(tracer.storeSpan(inbox, "add", 1), () -> inbox.add(request, contextKey));
  }

  @Override
  public <T extends Request> Optional<T> get(Id id, String contextKey, Class<T> type) {
    return tracer.inSpan(tracer.storeSpan(inbox, "get", 1), () -> inbox.get(id, contextKey, type));
  }

  @Override
  public boolean exists(Id id, String contextKey, Class<?> type) {
    return tracer.inSpan(
        tracer.storeSpan(inbox, "exists", 1), () -> inbox.exists(id, contextKey, type));
  }

  @Override
  public String toString() {
    return "Traced" + inbox;
  }
}
