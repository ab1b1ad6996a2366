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

  /** Writes to {@code store}, deposits through {@code commandProcessor}. */
  public GreetingMadeHandler(
      SalutationsStore store, Supplier<CommandProcessor> commandProcessor, Journal journal) {
    this.store = store;
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
