package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.testing.InMemoryPublications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A business row and a deposited message share one {@link JdbcUnitOfWork} on PostgreSQL. */
class JdbcUnitOfWorkPostgresIT {

  record GreetingAdded(Id id, String name) implements Event {}

  private static final DataSource DATA_SOURCE = Databases.postgres();
  private static final String GREETINGS = "brighter_uow_greetings";
  private static final JdbcOutbox OUTBOX =
      JdbcOutbox.forDialect(SqlDialect.POSTGRES, DATA_SOURCE)
          .withTableName("brighter_uow_outbox")
          .createTableIfMissing();

  private final RoutingKey topic = RoutingKey.of("greeting.added." + Id.random());
  private final InMemoryBus bus = new InMemoryBus();
  private final InMemoryMessageConsumer consumer = new InMemoryMessageConsumer(bus, topic);
  private final CommandProcessor commandProcessor =
      CommandProcessor.builder()
          .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
          .externalBus(
              InMemoryPublications.on(bus)
                  .publish(GreetingAdded.class, topic)
                  .externalBus()
                  .outbox(OUTBOX)
                  .build())
          .build();

  @BeforeAll
  static void createTheBusinessTable() throws SQLException {
    try (Connection connection = DATA_SOURCE.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + GREETINGS
              + " (id VARCHAR(64) PRIMARY KEY, name VARCHAR(255) NOT NULL)");
    }
  }

  @Test
  void a_commit_keeps_the_row_and_the_message_and_clear_outbox_sends_it() throws SQLException {
    // given
    GreetingAdded greeting = new GreetingAdded(Id.random(), "Ada");
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(DATA_SOURCE);

    // when
    saveGreeting(unitOfWork.connection(), greeting);
    Id deposited = commandProcessor.depositPost(greeting, unitOfWork);
    unitOfWork.commit();
    commandProcessor.clearOutbox(List.of(deposited));

    // then
    assertThat(greetingExists(greeting)).isTrue();
    assertThat(OUTBOX.get(deposited).header().messageType()).isEqualTo(MessageType.EVENT);
    assertThat(consumer.receive(Duration.ofSeconds(1)))
        .extracting(Message::id)
        .containsExactly(deposited);
    assertThat(OUTBOX.dispatchedMessages(Duration.ZERO, 1000))
        .extracting(Message::id)
        .contains(deposited);
    OUTBOX.delete(List.of(deposited));
  }

  @Test
  void a_rollback_keeps_neither_and_sends_nothing() throws SQLException {
    // given
    GreetingAdded greeting = new GreetingAdded(Id.random(), "Grace");
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(DATA_SOURCE);

    // when
    saveGreeting(unitOfWork.connection(), greeting);
    Id deposited = commandProcessor.depositPost(greeting, unitOfWork);
    unitOfWork.rollback();

    commandProcessor.clearOutbox(List.of(deposited));

    // then
    assertThat(greetingExists(greeting)).isFalse();
    assertThat(OUTBOX.get(deposited).isEmpty()).isTrue();
    assertThat(consumer.receive(Duration.ofMillis(100))).isEmpty();
  }

  @Test
  void actions_after_commit_run_once_the_commit_is_done_and_never_after_a_rollback() {
    // given
    JdbcUnitOfWork committing = new JdbcUnitOfWork(DATA_SOURCE);
    JdbcUnitOfWork rollingBack = new JdbcUnitOfWork(DATA_SOURCE);
    List<String> ran = new ArrayList<>();

    // when
    assertThat(committing.afterCommit(() -> ran.add("before any use"))).isFalse();
    committing.connection();
    rollingBack.connection();
    assertThat(committing.afterCommit(() -> ran.add("committed"))).isTrue();
    assertThat(rollingBack.afterCommit(() -> ran.add("rolled back"))).isTrue();
    assertThat(ran).isEmpty();
    committing.commit();
    rollingBack.rollback();
    committing.connection();
    committing.commit();

    // then
    assertThat(ran).containsExactly("committed");
  }

  @Test
  void a_joined_connections_messages_are_cleared_from_the_outbox_once_its_owner_commits()
      throws SQLException {
    // given
    GreetingAdded greeting = new GreetingAdded(Id.random(), "Barbara");
    try (Connection connection = DATA_SOURCE.getConnection()) {
      connection.setAutoCommit(false);
      JdbcUnitOfWork unitOfWork = JdbcUnitOfWork.joining(connection);
      Id deposited = commandProcessor.depositPost(greeting, unitOfWork);
      assertThat(unitOfWork.afterCommit(() -> {})).as("cannot see the owner's commit").isFalse();
      unitOfWork.commit();

      // when
      commandProcessor.clearOutbox(List.of(deposited));
      List<Message> beforeTheOwnersCommit = consumer.receive(Duration.ofMillis(100));
      connection.commit();
      commandProcessor.clearOutbox(List.of(deposited));

      // then
      assertThat(beforeTheOwnersCommit).isEmpty();
      assertThat(consumer.receive(Duration.ofSeconds(1)))
          .extracting(Message::id)
          .containsExactly(deposited);
      OUTBOX.delete(List.of(deposited));
    }
  }

  @Test
  void a_joined_connection_is_committed_by_its_owner() throws SQLException {
    // given
    GreetingAdded greeting = new GreetingAdded(Id.random(), "Edsger");
    Id deposited;
    try (Connection connection = DATA_SOURCE.getConnection()) {
      connection.setAutoCommit(false);
      JdbcUnitOfWork unitOfWork = JdbcUnitOfWork.joining(connection);

      // when
      saveGreeting(unitOfWork.connection(), greeting);
      deposited = commandProcessor.depositPost(greeting, unitOfWork);
      unitOfWork.commit();
      assertThat(OUTBOX.get(deposited).isEmpty()).as("visible before the owner commits").isTrue();
      connection.commit();
    }

    // then
    assertThat(greetingExists(greeting)).isTrue();
    assertThat(OUTBOX.get(deposited).isEmpty()).isFalse();
    OUTBOX.delete(List.of(deposited));
  }

  private static void saveGreeting(Connection connection, GreetingAdded greeting)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + GREETINGS + " (id, name) VALUES (?, ?)")) {
      insert.setString(1, greeting.id().value());
      insert.setString(2, greeting.name());
      insert.executeUpdate();
    }
  }

  private static boolean greetingExists(GreetingAdded greeting) throws SQLException {
    try (Connection connection = DATA_SOURCE.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM " + GREETINGS + " WHERE id = ?")) {
      select.setString(1, greeting.id().value());
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }
}
