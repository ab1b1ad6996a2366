package io.brighter.samples.greetings;

import io.brighter.Command;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.darker.Query;
import java.util.List;

/** The sample's requests: one command, one event, one query. */
public final class Greetings {

  private Greetings() {}

  /** Asks for a greeting to be stored. */
  public record AddGreeting(Id id, String name, String greeting) implements Command {}

  /** Tells whoever cares that a greeting was stored. */
  public record GreetingAdded(Id id, String name) implements Event {}

  /** Asks for every greeting stored for a name. */
  public record FindGreetings(String name) implements Query<List<String>> {}
}
