package io.brighter.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions a unit of work runs once its transaction has committed, for {@link
 * io.brighter.outbox.BoxTransactionProvider#afterCommit}: kept while the transaction is open, run
 * after its commit, dropped on its rollback. Used by one thread at a time, as a unit of work is.
 */
public final class AfterCommitActions {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommitActions.class);

  private final List<Runnable> actions = new ArrayList<>();

  /** Keeps {@code action} until the transaction ends. */
  public void add(Runnable action) {
    actions.add(requireNonNull(action, "action must not be null"));
  }

  /** Runs the kept actions in order and forgets them; one that throws is logged, not rethrown. */
  public void committed() {
    if (actions.isEmpty()) {
      return;
    }
    List<Runnable> toRun = List.copyOf(actions);
    actions.clear();
    for (Runnable action : toRun) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("An action after a commit failed; the commit stands", e);
      }
    }
  }

  /** Forgets the kept actions: the transaction did not commit. */
  public void rolledBack() {
    actions.clear();
  }
}
