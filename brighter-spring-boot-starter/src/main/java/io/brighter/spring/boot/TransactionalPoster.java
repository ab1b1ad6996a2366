package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.Request;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Posts from {@code @Transactional} code: each request is deposited in the outbox inside the
 * current Spring transaction and sent right after that transaction commits, instead of waiting for
 * the sweeper. If it rolls back, the message was never stored and nothing is sent; if the send
 * after the commit fails, the message stays in the outbox and the sweeper sends it later.
 *
 * {@snippet :
 * @Transactional
 * public void addGreeting(String name) {
 *   jdbc.update("INSERT INTO greetings (name) VALUES (?)", name);
 *   poster.post(new GreetingAdded(Id.random(), name)); // sent once the method's commit succeeds
 * }
 * }
 *
 * <p>The send after the commit runs on the executor given: the starter's sends in the background,
 * so the {@code @Transactional} method returns at once even while the broker is away, and the
 * outbox and its sweeper own delivery ({@code brighter.outbox.send-after-commit=caller} sends on
 * the committing thread instead, which then waits for the broker). Made with the two-argument
 * constructor, the poster sends on the committing thread. Thread-safe.
 */
public final class TransactionalPoster {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPoster.class);

  private final CommandProcessor commandProcessor;
  private final SpringTransactionProvider transaction;
  private final Executor sender;

  /**
   * A poster through {@code commandProcessor} in the transactions of {@code transaction}, sending
   * after the commit on the committing thread.
   */
  public TransactionalPoster(
      CommandProcessor commandProcessor, SpringTransactionProvider transaction) {
    this(commandProcessor, transaction, Runnable::run);
  }

  /**
   * A poster through {@code commandProcessor} in the transactions of {@code transaction}, sending
   * after the commit on {@code sender}.
   */
  public TransactionalPoster(
      CommandProcessor commandProcessor, SpringTransactionProvider transaction, Executor sender) {
    this.commandProcessor = requireNonNull(commandProcessor, "commandProcessor must not be null");
    this.transaction = requireNonNull(transaction, "transaction must not be null");
    this.sender = requireNonNull(sender, "sender must not be null");
  }

  /**
   * Deposits {@code request} in the current transaction and sends it after the commit.
   *
   * @return the message id
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public Id post(Request request) {
    return post(List.of(request)).getFirst();
  }

  /**
   * Deposits {@code requests} in one write in the current transaction and sends them after the
   * commit.
   *
   * @return the message ids, in the order of the requests
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public List<Id> post(List<? extends Request> requests) {
    List<Id> ids = commandProcessor.depositPost(requests, transaction);
    TransactionSynchronizationManager.registerSynchronization(new ClearAfterCommit(ids));
    return ids;
  }

  private final class ClearAfterCommit implements TransactionSynchronization {
    private final List<Id> ids;

    ClearAfterCommit(List<Id> ids) {
      this.ids = List.copyOf(ids);
    }

    @Override
    public void afterCommit() {
      sender.execute(this::send);
    }

    private void send() {
      try {
        commandProcessor.clearOutbox(ids);
      } catch (RuntimeException e) {
        LOG.warn(
            "Sending {} messages after the commit failed ({}); the sweeper will send them",
            ids,
            e.toString());
      }
    }
  }
}
