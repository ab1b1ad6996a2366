package io.brighter.benchmarks;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.benchmarks.Fixtures.AddAnnotatedGreeting;
import io.brighter.benchmarks.Fixtures.AddGreeting;
import io.brighter.benchmarks.Fixtures.AnnotatedHandler;
import io.brighter.benchmarks.Fixtures.FirstListener;
import io.brighter.benchmarks.Fixtures.GreetingAdded;
import io.brighter.benchmarks.Fixtures.PlainHandler;
import io.brighter.benchmarks.Fixtures.SecondListener;
import io.brighter.benchmarks.Fixtures.ThirdListener;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Brighter's command processor: send and publish on the calling thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BrighterBenchmarks {

  private CommandProcessor commandProcessor;
  private AddGreeting command;
  private AddAnnotatedGreeting annotatedCommand;
  private GreetingAdded event;

  /** Wires a processor with every handler the benchmarks use. */
  @Setup
  public void setUp() {
    SubscriberRegistry registry =
        new SubscriberRegistry()
            .register(AddGreeting.class, PlainHandler.class)
            .register(AddAnnotatedGreeting.class, AnnotatedHandler.class)
            .register(GreetingAdded.class, FirstListener.class)
            .register(GreetingAdded.class, SecondListener.class)
            .register(GreetingAdded.class, ThirdListener.class);
    commandProcessor =
        CommandProcessor.builder().handlers(registry, new SimpleHandlerFactory()).build();
    command = new AddGreeting(Id.random(), "Ada");
    annotatedCommand = new AddAnnotatedGreeting(Id.random(), "Ada");
    event = new GreetingAdded(Id.random(), "Ada");
  }

  /** Send to one handler with no middleware. */
  @Benchmark
  public void send() {
    commandProcessor.send(command);
  }

  /** Send to one handler behind three middleware annotations. */
  @Benchmark
  public void sendThreeAnnotations() {
    commandProcessor.send(annotatedCommand);
  }

  /** Publish to three handlers. */
  @Benchmark
  public void publishThreeHandlers() {
    commandProcessor.publish(event);
  }
}
