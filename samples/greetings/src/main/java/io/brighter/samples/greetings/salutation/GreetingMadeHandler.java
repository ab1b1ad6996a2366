package io.brighter.samples.greetings.salutation;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import io.brighter.handlers.UseInbox;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.samples.greetings.Greetings.GreetingMade;
import io.brighter.samples.greetings.Greetings.SalutationReceived;
import io.brighter.samples.greetings.Journal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Answers a greeting once: the inbox drops a {@link GreetingMade} it has seen (the outbox's
 * at-least-once delivery may bring one twice); a new one is stored as a salutation and announced as
 * {@link SalutationReceived} through this service's own outbox, in one transaction.
 */
public final class GreetingMadeHandler extends RequestHandler<GreetingMade> {

  static final String CONTEXT_KEY = "salutations";

  private final DataSource dataSource;
  private final Supplier<CommandProcessor> commandProcessor;
  private final Journal journal;

  /** Writes to {@code dataSource}, deposits through {@code commandProcessor}. */
  public GreetingMadeHandler(
      DataSource dataSource, Supplier<CommandProcessor> commandProcessor, Journal journal) {
    this.dataSource = dataSource;
    this.commandProcessor = commandProcessor;
    this.journal = journal;
  }

  @Override
  @UseInbox(
      step = 0,
      contextKey = CONTEXT_KEY,
      onceOnly = true,
      onceOnlyAction = OnceOnlyAction.WARN)
  @RequestLogging(step = 1)
  public GreetingMade handle(GreetingMade event) {
    CommandProcessor processor = commandProcessor.get();
    String salutation = "Hello " + event.name() + ", thank you for '" + event.greeting() + "'";
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
    Id deposited;
    try {
      try (PreparedStatement insert =
          unitOfWork
              .connection()
              .prepareStatement(
                  "INSERT INTO "
                      + SalutationService.SALUTATIONS
                      + " (greeting_id, name, salutation) VALUES (?, ?, ?)")) {
        insert.setString(1, event.id().value());
        insert.setString(2, event.name());
        insert.setString(3, salutation);
        insert.executeUpdate();
      }
      deposited =
          processor.depositPost(
              new SalutationReceived(Id.random(), event.name(), salutation), unitOfWork);
      unitOfWork.commit();
    } catch (SQLException e) {
      unitOfWork.rollback();
      throw new IllegalStateException("Could not store the salutation", e);
    } catch (RuntimeException e) {
      unitOfWork.rollback();
      throw e;
    }
    journal.note(
        "salutation",
        "consumed GreetingMade " + event.id() + ": stored a salutation, deposited " + deposited);
    processor.clearOutbox(List.of(deposited));
    return super.handle(event);
  }
}
