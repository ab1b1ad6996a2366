package io.brighter.samples.greetings.api;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import io.brighter.samples.greetings.Greetings.AddGreeting;
import io.brighter.samples.greetings.Greetings.GreetingMade;
import io.brighter.samples.greetings.Journal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stores the greeting and deposits {@link GreetingMade} in one transaction, then clears the outbox:
 * both are written or neither is, and the event is sent after the commit (or by the sweeper if this
 * process stops first).
 */
public final class AddGreetingHandler extends RequestHandler<AddGreeting> {

  private final GreetingsStore store;
  private final Supplier<CommandProcessor> commandProcessor;
  private final Journal journal;

  /** Writes to {@code store}, deposits through {@code commandProcessor}. */
  public AddGreetingHandler(
      GreetingsStore store, Supplier<CommandProcessor> commandProcessor, Journal journal) {
    this.store = store;
    this.commandProcessor = commandProcessor;
    this.journal = journal;
  }

  @Override
  @RequestLogging(step = 1)
  public AddGreeting handle(AddGreeting command) {
    CommandProcessor processor = commandProcessor.get();
    Id deposited =
        store.addGreeting(
            command.id(),
            command.name(),
            command.greeting(),
            transaction ->
                processor.depositPost(
                    new GreetingMade(Id.random(), command.name(), command.greeting()),
                    transaction));
    journal.greetingDeposited(deposited);
    processor.clearOutbox(List.of(deposited));
    journal.note("greetings", "cleared the outbox: GreetingMade " + deposited + " dispatched");
    return super.handle(command);
  }
}
