package io.brighter.handlers.inbox;

import io.brighter.Id;
import io.brighter.Request;
import io.brighter.handlers.PreparedRequestHandler;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.Inbox;

/**
 * The handler inserted by {@link UseInbox} and by the global inbox: checks the inbox for a request
 * handled before, runs the rest of the pipeline, and records the request once that succeeds.
 *
 * @param <T> the request type
 */
public final class UseInboxHandler<T extends Request>
    extends PreparedRequestHandler<T, UseInbox, InboxSettings> {

  @Override
  public InboxSettings prepare(UseInbox annotation, Class<?> targetHandler) {
    return InboxSettings.of(annotation, targetHandler);
  }

  @Override
  public T handle(T request) {
    InboxSettings configured = settings();
    Inbox inbox = configured.inbox(context());
    Id causationId = InboxSettings.causationId(request, context());
    if (configured.onceOnly()
        && inbox.exists(request.id(), configured.contextKey(), request.getClass())) {
      return configured.duplicate(request, context(), causationId);
    }
    T handled = super.handle(request);
    inbox.add(request, configured.contextKey());
    return handled;
  }
}
