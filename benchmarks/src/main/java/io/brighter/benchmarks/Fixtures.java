package io.brighter.benchmarks;

import io.brighter.Command;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.FallbackPolicy;
import io.brighter.handlers.FeatureSwitch;
import io.brighter.handlers.FeatureSwitchStatus;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;

/** The requests and handlers the benchmarks dispatch; each handler does the least it can. */
public final class Fixtures {

  private Fixtures() {}

  /** The command sent. */
  public record AddGreeting(Id id, String name) implements Command {}

  /** The event published. */
  public record GreetingAdded(Id id, String name) implements Event {}

  /** A handler with no middleware. */
  public static final class PlainHandler extends RequestHandler<AddGreeting> {
    @Override
    public AddGreeting handle(AddGreeting command) {
      return super.handle(command);
    }
  }

  /** The command with three annotations. */
  public record AddAnnotatedGreeting(Id id, String name) implements Command {}

  /**
   * A handler with three built-in middleware: logging (its logger below INFO, as the benchmark
   * binds slf4j-nop), a backstop fallback, and a feature switch that is on.
   */
  public static final class AnnotatedHandler extends RequestHandler<AddAnnotatedGreeting> {
    @Override
    @RequestLogging(step = 1)
    @FallbackPolicy(backstop = true, step = 2)
    @FeatureSwitch(config = FeatureSwitchStatus.ON, step = 3)
    public AddAnnotatedGreeting handle(AddAnnotatedGreeting command) {
      return super.handle(command);
    }
  }

  /** One of three event handlers. */
  public static final class FirstListener extends RequestHandler<GreetingAdded> {}

  /** One of three event handlers. */
  public static final class SecondListener extends RequestHandler<GreetingAdded> {}

  /** One of three event handlers. */
  public static final class ThirdListener extends RequestHandler<GreetingAdded> {}
}
