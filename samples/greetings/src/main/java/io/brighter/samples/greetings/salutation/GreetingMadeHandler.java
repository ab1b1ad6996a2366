package io.brighter.samples.greetings.salutation;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import io.brighter.handlers.UseInbox;
import io.brighter.samples.greetings.Greetings.GreetingMade;
import io.brighter.samples.greetings.Greetings.SalutationReceived;
import io.brighter.samples.greetings.Journal;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Answers a greeting once: the inbox drops a {@link GreetingMade} it has seen (the outbox's
 * at-least-once delivery may bring one twice); a new one is stored as a salutation and announced as
 * {@link SalutationReceived} through this service's own outbox, in one transaction.
 */
public final class GreetingMadeHandler extends RequestHandler<GreetingMade> {

  static final String CONTEXT_KEY = "salutations";

  private final SalutationsStore store;
  private final Supplier<CommandProcessor> commandProcessor;
  private final Journal journal;
  private final BooleanSupplier paused;

  /**
   * Writes to {@code store}, deposits through {@code commandProcessor}; refuses every greeting
   * while {@code paused} says so, so that it is dead-lettered for an operator to re-drive.
   */
  public GreetingMadeHandler(
      SalutationsStore store,
      Supplier<CommandProcessor> commandProcessor,
      Journal journal,
      BooleanSupplier paused) {
    this.store = store;
    this.commandProcessor = commandProcessor;
    this.journal = journal;
    this.paused = paused;
  }

  @Override
  @UseInbox(
      step = 0,
      contextKey = CONTEXT_KEY,
      onceOnly = true,
      onceOnlyAction = OnceOnlyAction.WARN)
  @RequestLogging(step = 1)
  public GreetingMade handle(GreetingMade event) {
    if (paused.getAsBoolean()) {
      throw new IllegalStateException(
          "Salutations are paused: " + event.name() + "'s greeting waits to be re-driven");
    }
    CommandProcessor processor = commandProcessor.get();
    String salutation = "Hello " + event.name() + ", thank you for '" + event.greeting() + "'";
    Id deposited =
        store.addSalutation(
            event.id(),
            event.name(),
            salutation,
            transaction ->
                processor.depositPost(
                    new SalutationReceived(Id.random(), event.name(), salutation), transaction));
    journal.note(
        "salutation",
        "consumed GreetingMade " + event.id() + ": stored a salutation, deposited " + deposited);
    processor.clearOutbox(List.of(deposited));
    return super.handle(event);
  }
}
