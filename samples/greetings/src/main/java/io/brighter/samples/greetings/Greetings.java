package io.brighter.samples.greetings;

import io.brighter.Command;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.darker.Query;
import java.util.List;

/** The sample's requests. */
public final class Greetings {

  private Greetings() {}

  /** Asks the greetings API to know a person. */
  public record AddPerson(Id id, String name) implements Command {}

  /** Asks for a greeting to be stored for a known person. */
  public record AddGreeting(Id id, String name, String greeting) implements Command {}

  /** Told by the greetings API, through its outbox, when a greeting was stored. */
  public record GreetingMade(Id id, String name, String greeting) implements Event {}

  /** Told by the salutation service, through its outbox, when it answered a greeting. */
  public record SalutationReceived(Id id, String name, String salutation) implements Event {}

  /** Tells whoever cares that a greeting was stored (the README's examples). */
  public record GreetingAdded(Id id, String name) implements Event {}

  /** Asks for every greeting stored for a person, oldest first. */
  public record FindGreetings(String name) implements Query<List<String>> {}

  /** The topic {@link GreetingMade} travels on. */
  public static final String GREETING_MADE_TOPIC = "greeting.made";

  /** The topic {@link SalutationReceived} travels on. */
  public static final String SALUTATION_RECEIVED_TOPIC = "salutation.received";
}
