package io.brighter.samples.greetings;

import io.brighter.Id;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happened in the sample, as the demo tells it: each service notes what it did (deposited,
 * dispatched, consumed, deduplicated), and the lines are printed as they come and kept for tests.
 */
public final class Journal {

  private final PrintStream out;
  private final List<String> entries = new CopyOnWriteArrayList<>();
  private final List<Id> greetingEvents = new CopyOnWriteArrayList<>();

  /** Prints to {@code out}. */
  public Journal(PrintStream out) {
    this.out = out;
  }

  /** Notes that {@code service} did {@code what}. */
  public void note(String service, String what) {
    String entry = String.format("      %-10s %s", service, what);
    entries.add(entry.strip());
    out.println(entry);
  }

  /** Notes that the greetings API deposited the {@code GreetingMade} event {@code id}. */
  public void greetingDeposited(Id id) {
    greetingEvents.add(id);
    note("greetings", "stored the greeting and deposited GreetingMade " + id);
  }

  /** The {@code GreetingMade} events deposited so far, oldest first. */
  public List<Id> greetingEvents() {
    return List.copyOf(greetingEvents);
  }

  /** Prints a step of the demo: {@code [step/steps] title}. */
  public void step(int step, int steps, String title) {
    out.printf("%n[%d/%d] %s%n", step, steps, title);
  }

  /** Prints a line as it is. */
  public void say(String line) {
    out.println(line);
  }

  /** Every note so far, as {@code "<service> <what>"}. */
  public List<String> entries() {
    return List.copyOf(entries);
  }
}
