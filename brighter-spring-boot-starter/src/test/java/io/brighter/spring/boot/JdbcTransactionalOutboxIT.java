package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.inbox.Inbox;
import io.brighter.jdbc.JdbcInbox;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox under Spring's JDBC transaction manager: the service writes with {@link
 * JdbcTemplate} and deposits with the {@link SpringTransactionProvider}, and the sweeper sends what
 * was committed. Hibernate is left out, so the transaction manager is a {@link
 * JdbcTransactionManager}.
 */
@SpringBootTest(
    classes = JdbcTransactionalOutboxIT.App.class,
    properties = {
      "brighter.outbox.table-name=outbox_spring_jdbc",
      "brighter.sweeper.minimum-age=0s",
      "brighter.sweeper.interval=50ms",
      "brighter.inbox.enabled=true",
      "brighter.inbox.table-name=inbox_spring_jdbc"
    })
class JdbcTransactionalOutboxIT extends TransactionalOutboxIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration(
      excludeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"
      })
  @Import({Messaging.class, JdbcGreetings.class})
  static class App {}

  /** Saves greetings with JdbcTemplate in the transaction Spring begins. */
  @Service
  static class JdbcGreetings implements Greetings {
    private final JdbcTemplate jdbc;
    private final CommandProcessor commandProcessor;
    private final SpringTransactionProvider transaction;

    JdbcGreetings(
        JdbcTemplate jdbc,
        CommandProcessor commandProcessor,
        SpringTransactionProvider transaction) {
      this.jdbc = jdbc;
      this.commandProcessor = commandProcessor;
      this.transaction = transaction;
      jdbc.execute(
          "CREATE TABLE IF NOT EXISTS greetings_spring_jdbc (id VARCHAR(64) PRIMARY KEY, name"
              + " TEXT NOT NULL)");
    }

    @Override
    @Transactional
    public void add(Id id, String name, boolean fail) {
      jdbc.update("INSERT INTO greetings_spring_jdbc (id, name) VALUES (?, ?)", id.value(), name);
      commandProcessor.depositPost(new GreetingAdded(id, name), transaction);
      if (fail) {
        throw new GreetingRefused();
      }
    }

    @Override
    public boolean exists(Id id) {
      Integer count =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM greetings_spring_jdbc WHERE id = ?", Integer.class, id.value());
      return count != null && count == 1;
    }
  }

  @Autowired PlatformTransactionManager transactionManager;
  @Autowired CommandProcessor commandProcessor;
  @Autowired SpringTransactionProvider transaction;
  @Autowired Inbox inbox;

  @Test
  void the_application_runs_on_the_jdbc_transaction_manager_and_jdbc_stores() {
    assertThat(transactionManager).isInstanceOf(JdbcTransactionManager.class);
    assertThat(outbox).isInstanceOf(JdbcOutbox.class);
    assertThat(((JdbcOutbox) outbox).tableName()).isEqualTo("outbox_spring_jdbc");
    assertThat(inbox).isInstanceOf(JdbcInbox.class);
  }

  @Test
  void actions_after_commit_run_once_spring_commits_and_never_after_a_rollback() {
    // given
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    List<String> ran = new CopyOnWriteArrayList<>();

    // when
    boolean outside = transaction.afterCommit(() -> ran.add("outside a transaction"));
    template.executeWithoutResult(
        status -> {
          assertThat(transaction.afterCommit(() -> ran.add("committed"))).isTrue();
          assertThat(ran).as("before the commit").isEmpty();
        });
    template.executeWithoutResult(
        status -> {
          transaction.afterCommit(() -> ran.add("rolled back"));
          status.setRollbackOnly();
        });

    // then
    assertThat(outside).isFalse();
    assertThat(ran).containsExactly("committed");
  }

  @Test
  void a_deposit_outside_a_transaction_is_refused() {
    assertThatThrownBy(
            () -> commandProcessor.depositPost(new GreetingAdded(Id.random(), "Ada"), transaction))
        .isInstanceOf(IllegalTransactionStateException.class)
        .hasMessageContaining("@Transactional");
  }
}
