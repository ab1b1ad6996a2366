package io.brighter.samples.greetings;

import io.brighter.CommandProcessor;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import io.brighter.handlers.UseResiliencePipeline;
import io.brighter.samples.greetings.Greetings.AddGreeting;
import io.brighter.samples.greetings.Greetings.GreetingAdded;
import java.util.function.Supplier;

/** Stores a greeting, then publishes {@link GreetingAdded}. */
public final class AddGreetingHandler extends RequestHandler<AddGreeting> {

  private final GreetingStore store;
  private final Supplier<CommandProcessor> commandProcessor;

  /** A handler storing into {@code store} and publishing through {@code commandProcessor}. */
  public AddGreetingHandler(GreetingStore store, Supplier<CommandProcessor> commandProcessor) {
    this.store = store;
    this.commandProcessor = commandProcessor;
  }

  @Override
  @RequestLogging(step = 1)
  @UseResiliencePipeline(policy = GreetingsApp.RETRY_POLICY, step = 2)
  public AddGreeting handle(AddGreeting command) {
    store.add(command.name(), command.greeting());
    commandProcessor.get().publish(new GreetingAdded(command.id(), command.name()));
    return super.handle(command);
  }
}
