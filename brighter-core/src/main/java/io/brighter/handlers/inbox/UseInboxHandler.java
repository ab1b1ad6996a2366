package io.brighter.handlers.inbox;

import io.brighter.Id;
import io.brighter.Request;
import io.brighter.handlers.PreparedRequestHandler;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.Inbox;
import io.brighter.outbox.BoxTransactionProvider;

/**
 * The handler inserted by {@link UseInbox} and by the global inbox: checks the inbox for a request
 * handled before, runs the rest of the pipeline, and records the request once that succeeds. When
 * the inbox offers a transaction ({@link Inbox#newTransaction}), the rest of the pipeline runs with
 * it in the context, the record is written in it, and it commits once both are done (and rolls back
 * when the handler fails), so the handler's writes in it and the record stand or fall together.
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
    BoxTransactionProvider<?> transaction = inbox.newTransaction();
    if (transaction == null) {
      T handled = super.handle(request);
      inbox.add(request, configured.contextKey());
      return handled;
    }
    BoxTransactionProvider<?> outer = context().transaction().orElse(null);
    context().useTransaction(transaction);
    try {
      T handled = super.handle(request);
      inbox.add(request, configured.contextKey(), transaction);
      transaction.commit();
      return handled;
    } catch (RuntimeException | Error e) {
      rollBack(transaction, e);
      throw e;
    } finally {
      context().useTransaction(outer);
    }
  }

  /**
   * Rolls {@code transaction} back after {@code failure}; a rollback that fails too (the database
   * went away) is added to {@code failure} rather than hiding it, so the pump still sees what
   * failed first, and whether it will pass.
   */
  static void rollBack(BoxTransactionProvider<?> transaction, Throwable failure) {
    try {
      if (transaction.hasOpenTransaction()) {
        transaction.rollback();
      }
    } catch (RuntimeException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }
}
