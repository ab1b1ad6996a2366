package io.brighter.outbox;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A transaction for in-memory stores: work enlisted in it runs, in order, on {@link #commit()} and
 * is dropped on {@link #rollback()}. {@link InMemoryOutbox} stages its adds here, so tests can
 * check deposit-then-commit code without a database; an in-memory repository of the application can
 * enlist its writes too.
 *
 * {@snippet :
 * InMemoryOutbox outbox = new InMemoryOutbox();
 * InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
 * unitOfWork.transaction().onCommit(() -> greetings.put(greeting.id(), greeting));
 * outbox.add(message, new RequestContext(), unitOfWork); // not visible yet
 * unitOfWork.commit();                                    // both writes happen now
 * }
 *
 * <p>{@link #transaction()} begins a transaction when none is open. Commit and rollback end it;
 * with none open they do nothing. If an enlisted action throws during commit, the actions after it
 * do not run and the transaction is over: in-memory work already done is not undone. The provider
 * may be shared between threads, though a unit of work is normally used by one.
 */
public final class InMemoryUnitOfWork
    implements BoxTransactionProvider<InMemoryUnitOfWork.Transaction> {

  private @Nullable Transaction open;

  /** A unit of work with no transaction open. */
  public InMemoryUnitOfWork() {}

  /**
   * Runs {@code write} at once without a {@code transaction}, or when {@code transaction}, an
   * in-memory unit of work, commits: how an in-memory store writes in its caller's transaction.
   *
   * @param store the store writing, for the error ("InMemoryOutbox")
   * @throws ConfigurationException when {@code transaction} is of another kind
   * @since 0.2
   */
  public static void onCommit(
      @Nullable BoxTransactionProvider<?> transaction, String store, Runnable write) {
    if (transaction == null) {
      write.run();
    } else if (transaction instanceof InMemoryUnitOfWork unitOfWork) {
      unitOfWork.transaction().onCommit(write);
    } else {
      throw new ConfigurationException(
          store
              + " cannot write in a transaction of "
              + transaction.getClass().getName()
              + "; it needs a "
              + InMemoryUnitOfWork.class.getName());
    }
  }

  @Override
  public synchronized Transaction transaction() {
    Transaction current = open;
    if (current == null) {
      current = new Transaction();
      open = current;
    }
    return current;
  }

  @Override
  public void commit() {
    Transaction ending = end();
    if (ending != null) {
      ending.apply();
    }
  }

  @Override
  public void rollback() {
    end();
  }

  @Override
  public synchronized boolean hasOpenTransaction() {
    return open != null;
  }

  /** Enlists {@code action} in the open transaction; {@code false} when none is open. */
  @Override
  public synchronized boolean afterCommit(Runnable action) {
    Transaction current = open;
    if (current == null) {
      return false;
    }
    current.onCommit(action);
    return true;
  }

  private synchronized @Nullable Transaction end() {
    Transaction ending = open;
    open = null;
    if (ending != null) {
      ending.close();
    }
    return ending;
  }

  /** The open transaction of an {@link InMemoryUnitOfWork}: the actions to run on commit. */
  public static final class Transaction {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean closed;

    private Transaction() {}

    /**
     * Runs {@code action} when the transaction commits, after the actions enlisted before it.
     *
     * @throws IllegalStateException when the transaction has already committed or rolled back
     */
    public synchronized void onCommit(Runnable action) {
      requireNonNull(action, "action must not be null");
      if (closed) {
        throw new IllegalStateException("the transaction has already ended");
      }
      actions.add(action);
    }

    /** How many actions wait for the commit. */
    public synchronized int pendingActions() {
      return closed ? 0 : actions.size();
    }

    private synchronized void close() {
      closed = true;
    }

    private void apply() {
      List<Runnable> toRun;
      synchronized (this) {
        toRun = List.copyOf(actions);
        actions.clear();
      }
      toRun.forEach(Runnable::run);
    }
  }
}
