package io.brighter.samples.greetings;

import io.brighter.handlers.RequestHandler;
import io.brighter.samples.greetings.Greetings.GreetingAdded;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** The two handlers of {@link GreetingAdded}. */
public final class GreetingListeners {

  private GreetingListeners() {}

  /** Pretends to send a welcome mail. */
  public static final class WelcomeMailer extends RequestHandler<GreetingAdded> {
    private final PrintStream out;

    /** Writes its mails to {@code out}. */
    public WelcomeMailer(PrintStream out) {
      this.out = out;
    }

    @Override
    public GreetingAdded handle(GreetingAdded event) {
      out.println("  mail: welcome, " + event.name() + "!");
      return super.handle(event);
    }
  }

  /** Counts greetings. */
  public static final class GreetingCounter extends RequestHandler<GreetingAdded> {
    private final AtomicInteger count;

    /** Counts into {@code count}. */
    public GreetingCounter(AtomicInteger count) {
      this.count = count;
    }

    @Override
    public GreetingAdded handle(GreetingAdded event) {
      count.incrementAndGet();
      return super.handle(event);
    }
  }
}
