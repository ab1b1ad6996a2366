package io.brighter.benchmarks;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The message pump's throughput on the in-memory transport: each invocation of {@link #pumpReactor}
 * publishes {@value #MESSAGES} small command messages to an {@link InMemoryBus} topic and waits
 * until a {@link Dispatcher}'s Reactor pumps have handed every one to a no-op handler. With {@link
 * OperationsPerInvocation} each message is one operation, so the score is the time per message. The
 * baselines call the same handler without a pump: {@link #directSend} through {@code send}, {@link
 * #unwrapAndSend} through {@code MessagePipeline.unwrap} and then {@code send}; {@link
 * #publishOnly} is the producer's half of {@link #pumpReactor} alone. These shapes have no Axon
 * twin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PumpBenchmarks {

  /** Messages per invocation of {@link #pumpReactor}. */
  static final int MESSAGES = 10_000;

  static final RoutingKey TOPIC = RoutingKey.of("greeting.pumped");

  static final Publication PUBLICATION =
      Publication.builder().topic(TOPIC).requestType(PumpGreeting.class).build();

  /** The command carried: an id and a short name (its JSON body is about 60 bytes). */
  public record PumpGreeting(Id id, String name) implements Command {}

  /**
   * What the handler counts down; the pump shapes replace it before each invocation. The baselines
   * leave a latch that never reaches zero, so the handler does the same work (one CAS) there.
   */
  static volatile CountDownLatch handled = new CountDownLatch(Integer.MAX_VALUE);

  /** The no-op handler: counts the message down and ends the pipeline. */
  public static final class CountingHandler extends RequestHandler<PumpGreeting> {
    @Override
    public PumpGreeting handle(PumpGreeting command) {
      handled.countDown();
      return super.handle(command);
    }
  }

  private CommandProcessor commandProcessor;
  private MessagePipeline pipeline;
  private PumpGreeting command;
  private Message message;

  /** The processor, the pipeline and one mapped message, shared by the baselines. */
  @Setup
  public void setUp() {
    commandProcessor = processor();
    pipeline = MessagePipeline.builder().mappers(new MessageMapperRegistry()).build();
    command = new PumpGreeting(Id.random(), "Ada");
    message = pipeline.wrap(command, PUBLICATION, new RequestContext());
  }

  /** Baseline: the handler through {@code send}, no message involved. */
  @Benchmark
  public void directSend() {
    commandProcessor.send(command);
  }

  /** Baseline: what a pump does between receive and acknowledge, on the calling thread. */
  @Benchmark
  public void unwrapAndSend() {
    commandProcessor.send(pipeline.unwrap(message, PumpGreeting.class));
  }

  /**
   * Publishes {@value #MESSAGES} messages (mapped beforehand) to the topic, then waits until the
   * pumps have handled them all. Publishing runs on this thread while the pumps consume.
   */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void pumpReactor(PumpState state) throws InterruptedException {
    InMemoryMessageProducer producer = state.producer;
    for (Message each : state.messages) {
      producer.send(each);
    }
    if (!state.latch.await(1, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          "the pumps handled only " + (MESSAGES - state.latch.getCount()) + " messages");
    }
  }

  /**
   * Baseline: the producer's half of {@link #pumpReactor} alone, {@value #MESSAGES} messages
   * published to a channel no pump reads.
   */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void publishOnly(PublishState state) {
    InMemoryMessageProducer producer = state.producer;
    for (Message each : state.messages) {
      producer.send(each);
    }
  }

  /** A fresh bus before every invocation of {@link #publishOnly}, its channel declared. */
  @State(Scope.Thread)
  public static class PublishState {
    List<Message> messages;
    InMemoryMessageProducer producer;

    /** The messages, mapped once. */
    @Setup(Level.Trial)
    public void mapMessages() {
      messages = mapped();
    }

    /** A new bus with the channel the pumps would read, and a producer on it. */
    @Setup(Level.Invocation)
    public void freshBus() {
      InMemoryBus bus = new InMemoryBus();
      bus.declareChannel(TOPIC, TOPIC.value());
      producer = new InMemoryMessageProducer(bus, PUBLICATION);
    }
  }

  /**
   * A fresh bus and a started dispatcher before every invocation, stopped after it: the bus keeps
   * every message published, and a dispatcher per invocation leaves no pump running between them.
   */
  @State(Scope.Thread)
  public static class PumpState {

    /** Reactor pumps reading the channel. */
    @Param({"1", "4"})
    public int performers;

    /** Messages one receive fetches: the default (1) and the most (10). */
    @Param({"1", "10"})
    public int bufferSize;

    List<Message> messages;
    CommandProcessor processor;
    InMemoryMessageProducer producer;
    Dispatcher dispatcher;
    CountDownLatch latch;

    /** The messages, mapped once: distinct ids, the same name. */
    @Setup(Level.Trial)
    public void mapMessages() {
      messages = mapped();
      processor = processor();
    }

    /** A new bus, producer and dispatcher, started; the pumps wait on the empty channel. */
    @Setup(Level.Invocation)
    public void startDispatcher() {
      InMemoryBus bus = new InMemoryBus();
      latch = new CountDownLatch(MESSAGES);
      handled = latch;
      Subscription subscription =
          Subscription.builder()
              .name("pumped")
              .routingKey(TOPIC)
              .requestType(PumpGreeting.class)
              .channelFactory(new InMemoryChannelFactory(bus))
              .noOfPerformers(performers)
              .bufferSize(bufferSize)
              .timeout(Duration.ofMillis(100))
              .emptyChannelDelay(Duration.ofMillis(1))
              .build();
      dispatcher =
          new DispatcherBuilder()
              .commandProcessor(processor)
              .mappers(new MessageMapperRegistry())
              .subscriptions(List.of(subscription))
              .build();
      dispatcher.start();
      producer = new InMemoryMessageProducer(bus, PUBLICATION);
    }

    /** Stops the pumps; fails the run if one is still alive. */
    @TearDown(Level.Invocation)
    public void stopDispatcher() {
      if (!dispatcher.stop()) {
        throw new IllegalStateException("a pump did not stop: " + dispatcher.state());
      }
      handled = new CountDownLatch(Integer.MAX_VALUE);
    }
  }

  /** {@value #MESSAGES} messages with distinct ids and the same name. */
  static List<Message> mapped() {
    MessagePipeline pipeline =
        MessagePipeline.builder().mappers(new MessageMapperRegistry()).build();
    List<Message> messages = new ArrayList<>(MESSAGES);
    for (int i = 0; i < MESSAGES; i++) {
      messages.add(
          pipeline.wrap(new PumpGreeting(Id.random(), "Ada"), PUBLICATION, new RequestContext()));
    }
    return messages;
  }

  static CommandProcessor processor() {
    return CommandProcessor.builder()
        .handlers(
            new SubscriberRegistry().register(PumpGreeting.class, CountingHandler.class),
            new SimpleHandlerFactory())
        .build();
  }
}
