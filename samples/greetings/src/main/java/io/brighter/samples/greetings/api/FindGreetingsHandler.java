package io.brighter.samples.greetings.api;

import io.brighter.darker.QueryHandler;
import io.brighter.darker.QueryLogging;
import io.brighter.samples.greetings.Greetings.FindGreetings;
import java.util.List;

/** Answers {@link FindGreetings} from the greetings table, oldest first. */
public final class FindGreetingsHandler extends QueryHandler<FindGreetings, List<String>> {

  private final GreetingsStore store;

  /** Reads from {@code store}. */
  public FindGreetingsHandler(GreetingsStore store) {
    this.store = store;
  }

  @Override
  @QueryLogging(step = 1)
  public List<String> execute(FindGreetings query) {
    return store.greetingsOf(query.name());
  }
}
