package io.brighter.samples.greetings.api;

import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import io.brighter.samples.greetings.Greetings.AddPerson;

/** Stores a person; a person already known is left as is. */
public final class AddPersonHandler extends RequestHandler<AddPerson> {

  private final GreetingsStore store;

  /** Stores into {@code store}. */
  public AddPersonHandler(GreetingsStore store) {
    this.store = store;
  }

  @Override
  @RequestLogging(step = 1)
  public AddPerson handle(AddPerson command) {
    store.addPerson(command.name());
    return super.handle(command);
  }
}
