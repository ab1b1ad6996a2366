package io.brighter.inbox;

import io.brighter.Id;
import io.brighter.Request;
import io.brighter.outbox.BoxTransactionProvider;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which requests have been handled, and in which context: the store behind {@link
 * io.brighter.handlers.UseInbox} and the global inbox. A context key names the handling (usually
 * the handler), so the same request handled by two handlers is recorded twice, independently.
 *
 * {@snippet :
 * Inbox inbox = new InMemoryInbox();
 * inbox.add(command, "AddGreetingHandler");
 * boolean seen = inbox.exists(command.id(), "AddGreetingHandler", AddGreeting.class); // true
 * Optional<AddGreeting> stored = inbox.get(command.id(), "AddGreetingHandler", AddGreeting.class);
 * }
 *
 * <p>Rules every back end follows (the test kit's {@code InboxContract} checks them):
 *
 * <ul>
 *   <li>Entries are keyed by request id, context key and request type. The same id under two
 *       context keys makes two independent entries.
 *   <li>{@link #add} is idempotent: adding an (id, context key) already stored is ignored, not an
 *       error, and keeps the first request.
 *   <li>Requests are stored as JSON text (Brighter's own Jackson configuration), so a relational or
 *       document store can keep them, and read back equal to what was added.
 *   <li>An unknown entry reads as absent: {@link #exists} is false and {@link #get} is empty.
 * </ul>
 *
 * <p><b>Transactions.</b> An inbox that can write in a transaction offers one with {@link
 * #newTransaction}: the inbox middleware runs the handler with it in {@link
 * io.brighter.RequestContext#transaction()} and records the request in it, so what the handler
 * writes in that transaction (its effect, the messages it deposits) and the record commit together.
 * A handler that writes elsewhere, or an inbox that offers none, records after the handler's own
 * commit: a crash between the two runs the handler again.
 *
 * <p>Implementations are thread-safe. {@code exists} then {@code add} is not atomic: two copies of
 * one request handled at the same moment may both run, as in .NET Brighter.
 */
public interface Inbox {

  /** Records that {@code request} was handled in {@code contextKey}; a repeat is ignored. */
  void add(Request request, String contextKey);

  /**
   * Records {@code request} inside {@code transaction}, so the record commits with it and never if
   * it rolls back; without a transaction, as {@link #add(Request, String)}. The default refuses a
   * transaction.
   *
   * @throws UnsupportedOperationException when the inbox cannot write in a transaction
   * @throws io.brighter.ConfigurationException when it cannot write in one of that kind
   * @since 0.2
   */
  default void add(
      Request request, String contextKey, @Nullable BoxTransactionProvider<?> transaction) {
    if (transaction != null) {
      throw new UnsupportedOperationException(
          getClass().getName() + " cannot record a request in a transaction");
    }
    add(request, contextKey);
  }

  /**
   * A new transaction that a handler's writes and this inbox's record of its request can share (see
   * the class comment); null, the default, when the inbox cannot write in one.
   *
   * @since 0.2
   */
  default @Nullable BoxTransactionProvider<?> newTransaction() {
    return null;
  }

  /**
   * The request of {@code type} with {@code id} recorded in {@code contextKey}, read back from its
   * JSON; empty when there is none.
   */
  <T extends Request> Optional<T> get(Id id, String contextKey, Class<T> type);

  /** Whether a request of {@code type} with {@code id} was recorded in {@code contextKey}. */
  boolean exists(Id id, String contextKey, Class<?> type);
}
