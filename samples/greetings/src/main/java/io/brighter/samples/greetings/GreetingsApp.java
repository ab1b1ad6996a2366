package io.brighter.samples.greetings;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.darker.QueryHandlerRegistry;
import io.brighter.darker.QueryProcessor;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.brighter.samples.greetings.GreetingListeners.GreetingCounter;
import io.brighter.samples.greetings.GreetingListeners.WelcomeMailer;
import io.brighter.samples.greetings.Greetings.AddGreeting;
import io.brighter.samples.greetings.Greetings.FindGreetings;
import io.brighter.samples.greetings.Greetings.GreetingAdded;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Greetings sample: wires a command processor and a query processor without any container,
 * sends {@link AddGreeting} commands, lets their handler publish {@link GreetingAdded} to two
 * listeners, and answers {@link FindGreetings} queries.
 */
public final class GreetingsApp {

  static final String RETRY_POLICY = "greetings-retry";

  private final GreetingStore store = new GreetingStore();
  private final AtomicInteger greetingCount = new AtomicInteger();
  private final CommandProcessor commandProcessor;
  private final QueryProcessor queryProcessor;

  /** Wires the sample, writing what its listeners do to {@code out}. */
  public GreetingsApp(PrintStream out) {
    AtomicReference<CommandProcessor> processor = new AtomicReference<>();
    SimpleHandlerFactory factory =
        new SimpleHandlerFactory()
            .register(AddGreetingHandler.class, () -> new AddGreetingHandler(store, processor::get))
            .register(WelcomeMailer.class, () -> new WelcomeMailer(out))
            .register(GreetingCounter.class, () -> new GreetingCounter(greetingCount))
            .register(FindGreetingsHandler.class, () -> new FindGreetingsHandler(store));

    SubscriberRegistry subscribers =
        new SubscriberRegistry()
            .register(AddGreeting.class, AddGreetingHandler.class)
            .register(GreetingAdded.class, WelcomeMailer.class)
            .register(GreetingAdded.class, GreetingCounter.class);
    ResiliencePipelineRegistry resilience =
        new ResiliencePipelineRegistry()
            .register(
                RETRY_POLICY,
                Retry.of(
                    RETRY_POLICY,
                    RetryConfig.custom()
                        .maxAttempts(3)
                        .waitDuration(Duration.ofMillis(50))
                        .build()));
    commandProcessor =
        CommandProcessor.builder().handlers(subscribers, factory).resilience(resilience).build();
    processor.set(commandProcessor);

    queryProcessor =
        QueryProcessor.builder()
            .handlers(
                new QueryHandlerRegistry()
                    .register(FindGreetings.class, FindGreetingsHandler.class),
                factory)
            .build();
  }

  /** Stores a greeting for {@code name}. */
  public void greet(String name, String greeting) {
    commandProcessor.send(new AddGreeting(Id.random(), name, greeting));
  }

  /** The greetings stored for {@code name}. */
  public List<String> greetingsFor(String name) {
    return queryProcessor.execute(new FindGreetings(name));
  }

  /** How many greetings the counter heard of. */
  public int greetingCount() {
    return greetingCount.get();
  }

  /** Runs the sample. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    GreetingsApp app = new GreetingsApp(out);
    out.println("Sending AddGreeting commands:");
    app.greet("Ada", "Hello");
    app.greet("Grace", "Good morning");
    app.greet("Ada", "Welcome back");
    out.println("Querying with FindGreetings:");
    for (String name : List.of("Ada", "Grace", "Linus")) {
      out.println("  " + name + ": " + app.greetingsFor(name));
    }
    out.println("GreetingAdded events counted: " + app.greetingCount());
  }
}
