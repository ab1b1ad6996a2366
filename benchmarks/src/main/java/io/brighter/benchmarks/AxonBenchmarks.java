package io.brighter.benchmarks;

import io.brighter.Id;
import io.brighter.benchmarks.Fixtures.AddGreeting;
import io.brighter.benchmarks.Fixtures.GreetingAdded;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same shapes through Axon Framework 4's in-process buses: {@code SimpleCommandBus} (bare, and
 * with three pass-through handler interceptors) and {@code SimpleEventBus} with three subscribers.
 * Each message is wrapped the way Axon's gateways do before dispatch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AxonBenchmarks {

  private SimpleCommandBus commandBus;
  private SimpleCommandBus interceptedCommandBus;
  private SimpleEventBus eventBus;
  private AddGreeting command;
  private GreetingAdded event;
  private CommandCallback<Object, Object> callback;

  /** Wires the buses with one command handler and three event subscribers. */
  @Setup
  public void setUp() {
    commandBus = SimpleCommandBus.builder().build();
    commandBus.subscribe(AddGreeting.class.getName(), message -> message.getPayload());

    interceptedCommandBus = SimpleCommandBus.builder().build();
    interceptedCommandBus.subscribe(AddGreeting.class.getName(), message -> message.getPayload());
    for (int i = 0; i < 3; i++) {
      MessageHandlerInterceptor<CommandMessage<?>> passThrough =
          (unitOfWork, chain) -> chain.proceed();
      interceptedCommandBus.registerHandlerInterceptor(passThrough);
    }

    eventBus = SimpleEventBus.builder().build();
    for (int i = 0; i < 3; i++) {
      eventBus.subscribe(
          (List<? extends EventMessage<?>> events) -> events.forEach(e -> e.getPayload()));
    }
    command = new AddGreeting(Id.random(), "Ada");
    event = new GreetingAdded(Id.random(), "Ada");
    callback = (message, result) -> {};
  }

  /** Dispatch to one command handler with no interceptors. */
  @Benchmark
  public void send() {
    commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
  }

  /** Dispatch to one command handler behind three handler interceptors. */
  @Benchmark
  public void sendThreeAnnotations() {
    interceptedCommandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
  }

  /** Publish one event to three subscribers. */
  @Benchmark
  public void publishThreeHandlers(Blackhole blackhole) {
    eventBus.publish(GenericEventMessage.asEventMessage(event));
    blackhole.consume(event);
  }
}
