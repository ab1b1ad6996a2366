package io.brighter.samples.greetings;

import io.brighter.Id;
import io.brighter.observability.MessagingMetrics.Settlement;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happened in the sample, as the demo tells it: each service notes what it did (deposited,
 * dispatched, consumed, deduplicated), and the lines are printed as they come; the demo waits on
 * the counts kept beside them.
 */
public final class Journal {

  private final PrintStream out;
  private final List<Id> greetingEvents = new CopyOnWriteArrayList<>();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();

  /** Prints to {@code out}. */
  public Journal(PrintStream out) {
    this.out = out;
  }

  /** Notes that {@code service} did {@code what}. */
  public void note(String service, String what) {
    out.println(String.format("      %-10s %s", service, what));
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

  /** Notes that the salutation service's dispatcher settled message {@code id} as {@code how}. */
  public void settled(Id id, Settlement how) {
    if (how == Settlement.ACKNOWLEDGED) {
      acknowledged.incrementAndGet();
    } else if (how == Settlement.REJECTED || how == Settlement.DEAD_LETTERED) {
      rejected.incrementAndGet();
    }
    note("salutation", how.name().toLowerCase(Locale.ROOT) + " message " + id);
  }

  /** How many messages the salutation service acknowledged so far. */
  public int acknowledged() {
    return acknowledged.get();
  }

  /** How many messages the salutation service dead-lettered so far. */
  public int rejected() {
    return rejected.get();
  }
}
