package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.outbox.BoxTransactionProvider;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Spring-managed transaction of the current thread, as a {@link BoxTransactionProvider}: pass
 * it to {@code depositPost} from {@code @Transactional} code and the JDBC outbox writes its
 * messages on the connection Spring bound to the {@link DataSource}, so they commit or roll back
 * with the business data. Works under a {@code DataSourceTransactionManager} (JdbcTemplate,
 * JdbcClient) and under a {@code JpaTransactionManager} on the same DataSource (Hibernate), which
 * exposes its connection to JDBC code.
 *
 * {@snippet :
 * @Transactional
 * public void addGreeting(String name) {
 *   jdbc.update("INSERT INTO greetings (name) VALUES (?)", name);
 *   commandProcessor.depositPost(new GreetingAdded(Id.random(), name), transactionProvider);
 * }
 * }
 *
 * <p>Spring owns the transaction: {@link #commit()} and {@link #rollback()} do nothing, and the
 * transaction ends when the {@code @Transactional} method returns or throws. Deposited messages are
 * sent by the outbox sweeper once they are older than its minimum age, or at once by {@code
 * clearOutbox} after the commit. Using it outside a transaction is an {@link
 * IllegalTransactionStateException}, since the message would otherwise be stored whatever became of
 * the business data. Thread-safe: each thread sees its own transaction.
 */
public final class SpringTransactionProvider implements BoxTransactionProvider<Connection> {

  private final DataSource dataSource;

  /** A provider of the Spring transactions on {@code dataSource}. */
  public SpringTransactionProvider(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource must not be null");
  }

  /**
   * The connection of the current Spring transaction on the DataSource.
   *
   * @throws IllegalTransactionStateException when the thread has no active transaction
   */
  @Override
  public Connection transaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "depositPost with a SpringTransactionProvider needs an active Spring transaction: call it"
              + " from a @Transactional method or a TransactionTemplate");
    }
    return DataSourceUtils.getConnection(dataSource);
  }

  /** Does nothing: Spring commits when the transactional method returns. */
  @Override
  public void commit() {}

  /** Does nothing: Spring rolls back when the transactional method throws. */
  @Override
  public void rollback() {}

  @Override
  public boolean hasOpenTransaction() {
    return TransactionSynchronizationManager.isActualTransactionActive();
  }

  /**
   * Registers {@code action} as a transaction synchronization that runs after Spring commits the
   * current transaction; {@code false} when the thread has no transaction synchronization.
   */
  @Override
  public boolean afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return false;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
    return true;
  }
}
