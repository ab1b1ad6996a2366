package io.brighter.benchmarks;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryOutboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The external bus: mapping a request of about 1 KiB of JSON to a message and back, and posting it
 * through an {@link InMemoryOutbox} to a producer. These shapes have no Axon twin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BusBenchmarks {

  /** The event mapped and posted: an id and a note of {@link #NOTE_LENGTH} characters. */
  public record GreetingNoted(Id id, String name, String note) implements Event {}

  /** Characters in the event's note; with the id and name its JSON body is about 1 KiB. */
  static final int NOTE_LENGTH = 960;

  /** Posts per invocation of {@link #postThroughInMemoryOutboxAndBus}; see {@link BusState}. */
  static final int BATCH = 1024;

  static final RoutingKey TOPIC = RoutingKey.of("greeting.noted");

  static final Publication PUBLICATION =
      Publication.builder().topic(TOPIC).requestType(GreetingNoted.class).build();

  private MessagePipeline pipeline;
  private GreetingNoted event;
  private Message message;
  private RequestContext context;
  private CommandProcessor countingProcessor;
  private CountingProducer countingProducer;

  /** Builds the pipeline, the event and a processor whose producer only counts. */
  @Setup
  public void setUp() {
    pipeline = MessagePipeline.builder().mappers(new MessageMapperRegistry()).build();
    event = newEvent(note());
    context = new RequestContext();
    message = pipeline.wrap(event, PUBLICATION, context);
    if (message.body().bytes().length < 1000 || message.body().bytes().length > 1100) {
      throw new IllegalStateException(
          "the body should be about 1 KiB, is " + message.body().bytes().length + " bytes");
    }
    countingProducer = new CountingProducer(PUBLICATION);
    countingProcessor = processor(countingProducer, boundedOutbox());
  }

  /** JSON mapping of a request to its message through the default mapper and the pipeline. */
  @Benchmark
  public Message jsonMapToMessage() {
    return pipeline.wrap(event, PUBLICATION, context);
  }

  /** Mapping to a message and reading the request back from it. */
  @Benchmark
  public GreetingNoted jsonRoundTrip() {
    return pipeline.unwrap(pipeline.wrap(event, PUBLICATION, context), GreetingNoted.class);
  }

  /**
   * {@code post} of a fresh event (new id, same 1 KiB note) through an {@link InMemoryOutbox} to a
   * producer that only counts: mapping, outbox and mediator, with a broker that costs nothing.
   */
  @Benchmark
  public Id postToCountingProducer() {
    return countingProcessor.post(newEvent(event.note()));
  }

  /**
   * {@code post} of a fresh event through an {@link InMemoryOutbox} to an {@link InMemoryBus} topic
   * with no consumer: {@value #BATCH} posts per invocation, each reported as one operation.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void postThroughInMemoryOutboxAndBus(BusState state, Blackhole blackhole) {
    CommandProcessor processor = state.processor;
    String note = event.note();
    for (int i = 0; i < BATCH; i++) {
      blackhole.consume(processor.post(newEvent(note)));
    }
  }

  /**
   * A processor on a fresh {@link InMemoryBus} before every batch. The bus keeps every message
   * published for tests to inspect, and a topic with no consumer queues them all; a new bus per
   * batch bounds that to {@value BusBenchmarks#BATCH} messages. The outbox is shared and keeps at
   * most 256 entries: dispatched messages are evicted as new ones arrive.
   */
  @State(Scope.Thread)
  public static class BusState {
    private final InMemoryOutbox outbox = boundedOutbox();
    CommandProcessor processor;

    /** A new bus, producer and processor; allocations here are outside the timed batch. */
    @Setup(Level.Invocation)
    public void freshBus() {
      processor = processor(new InMemoryMessageProducer(new InMemoryBus(), PUBLICATION), outbox);
    }
  }

  /** A broker that takes every message and only counts them: a "post to a no-op broker". */
  static final class CountingProducer implements MessageProducer {
    private final Publication publication;
    private long sent;

    CountingProducer(Publication publication) {
      this.publication = publication;
    }

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {
      sent++;
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      sent++;
    }

    long sent() {
      return sent;
    }
  }

  static InMemoryOutbox boundedOutbox() {
    return new InMemoryOutbox(Clock.systemUTC(), InMemoryOutboxOptions.DEFAULT.withEntryLimit(256));
  }

  static CommandProcessor processor(MessageProducer producer, InMemoryOutbox outbox) {
    return Processors.sending(producer, outbox);
  }

  static GreetingNoted newEvent(String note) {
    return new GreetingNoted(Id.random(), "Ada", note);
  }

  private static String note() {
    StringBuilder note = new StringBuilder(NOTE_LENGTH);
    while (note.length() < NOTE_LENGTH) {
      note.append("Hello from Brighter for Java. ");
    }
    note.setLength(NOTE_LENGTH);
    return note.toString();
  }
}
