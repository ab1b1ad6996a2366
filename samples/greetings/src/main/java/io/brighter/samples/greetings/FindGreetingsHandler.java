package io.brighter.samples.greetings;

import io.brighter.darker.QueryHandler;
import io.brighter.darker.QueryLogging;
import io.brighter.samples.greetings.Greetings.FindGreetings;
import java.util.List;

/** Answers {@link FindGreetings} from the store. */
public final class FindGreetingsHandler extends QueryHandler<FindGreetings, List<String>> {

  private final GreetingStore store;

  /** Reads from {@code store}. */
  public FindGreetingsHandler(GreetingStore store) {
    this.store = store;
  }

  @Override
  @QueryLogging(step = 1)
  public List<String> execute(FindGreetings query) {
    return store.find(query.name());
  }
}
