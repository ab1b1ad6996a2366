package io.brighter.samples.greetings.api;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.samples.greetings.Greetings.AddGreeting;
import io.brighter.samples.greetings.Greetings.GreetingMade;
import io.brighter.samples.greetings.Journal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Stores the greeting and deposits {@link GreetingMade} in one transaction, then clears the outbox:
 * both are written or neither is, and the event is sent after the commit (or by the sweeper if this
 * process stops first).
 */
public final class AddGreetingHandler extends RequestHandler<AddGreeting> {

  private final DataSource dataSource;
  private final Supplier<CommandProcessor> commandProcessor;
  private final Journal journal;

  /** Writes to {@code dataSource}, deposits through {@code commandProcessor}. */
  public AddGreetingHandler(
      DataSource dataSource, Supplier<CommandProcessor> commandProcessor, Journal journal) {
    this.dataSource = dataSource;
    this.commandProcessor = commandProcessor;
    this.journal = journal;
  }

  @Override
  @RequestLogging(step = 1)
  public AddGreeting handle(AddGreeting command) {
    CommandProcessor processor = commandProcessor.get();
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
    Id deposited;
    try {
      requirePerson(unitOfWork, command.name());
      try (PreparedStatement insert =
          unitOfWork
              .connection()
              .prepareStatement(
                  "INSERT INTO "
                      + GreetingsSchema.GREETINGS
                      + " (id, name, greeting, created_at) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, command.id().value());
        insert.setString(2, command.name());
        insert.setString(3, command.greeting());
        insert.setString(4, Instant.now().toString());
        insert.executeUpdate();
      }
      deposited =
          processor.depositPost(
              new GreetingMade(Id.random(), command.name(), command.greeting()), unitOfWork);
      unitOfWork.commit();
    } catch (SQLException e) {
      unitOfWork.rollback();
      throw new IllegalStateException("Could not store the greeting", e);
    } catch (RuntimeException e) {
      unitOfWork.rollback();
      throw e;
    }
    journal.greetingDeposited(deposited);
    processor.clearOutbox(List.of(deposited));
    journal.note("greetings", "cleared the outbox: GreetingMade " + deposited + " dispatched");
    return super.handle(command);
  }

  private static void requirePerson(JdbcUnitOfWork unitOfWork, String name) throws SQLException {
    try (PreparedStatement query =
        unitOfWork
            .connection()
            .prepareStatement("SELECT 1 FROM " + GreetingsSchema.PEOPLE + " WHERE name = ?")) {
      query.setString(1, name);
      if (!query.executeQuery().next()) {
        throw new PersonNotFoundException(name);
      }
    }
  }
}
