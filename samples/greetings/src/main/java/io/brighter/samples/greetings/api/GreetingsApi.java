package io.brighter.samples.greetings.api;

import com.sun.net.httpserver.HttpServer;
import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.console.ConsoleHttpHandler;
import io.brighter.darker.QueryHandlerRegistry;
import io.brighter.darker.QueryProcessor;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.operations.BrighterOperations;
import io.brighter.operations.MessageCounters;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.samples.greetings.Greetings;
import io.brighter.samples.greetings.Greetings.AddGreeting;
import io.brighter.samples.greetings.Greetings.AddPerson;
import io.brighter.samples.greetings.Greetings.FindGreetings;
import io.brighter.samples.greetings.Greetings.GreetingMade;
import io.brighter.samples.greetings.Journal;
import io.brighter.samples.greetings.SampleOptions;
import io.brighter.samples.greetings.SampleTransport;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The greetings API: people and their greetings over HTTP. Adding a greeting runs {@link
 * AddGreeting}, whose handler writes the greeting and deposits {@link GreetingMade} in one
 * transaction and then clears the outbox; a sweeper sends whatever a crash left behind.
 */
public final class GreetingsApi implements AutoCloseable {

  /** Where {@link GreetingMade} goes. */
  public static final Publication PUBLICATION =
      Publication.builder()
          .topic(RoutingKey.of(Greetings.GREETING_MADE_TOPIC))
          .requestType(GreetingMade.class)
          .build();

  private final GreetingsStore store;
  private final MessageProducer producer;
  private final CommandProcessor commandProcessor;
  private final OutboxSweeper sweeper;
  private final HttpServer server;

  /** Wires the API on {@code transport}; call {@link #start()} to serve. */
  public GreetingsApi(
      SampleOptions options,
      SampleTransport transport,
      Journal journal,
      BrighterTracer brighterTracer,
      Tracer httpTracer,
      MessageCounters counters)
      throws IOException {
    store = GreetingsStore.open(options);
    producer = transport.producer(PUBLICATION);
    AtomicReference<CommandProcessor> processor = new AtomicReference<>();
    SimpleHandlerFactory handlers =
        new SimpleHandlerFactory()
            .register(AddPersonHandler.class, () -> new AddPersonHandler(store))
            .register(
                AddGreetingHandler.class,
                () -> new AddGreetingHandler(store, processor::get, journal))
            .register(FindGreetingsHandler.class, () -> new FindGreetingsHandler(store));
    commandProcessor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry()
                    .register(AddPerson.class, AddPersonHandler.class)
                    .register(AddGreeting.class, AddGreetingHandler.class),
                handlers)
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(producer)))
                    .outbox(store.outbox())
                    .build())
            .tracer(brighterTracer)
            .metrics(counters.counting(MessagingMetrics.NONE))
            .build();
    processor.set(commandProcessor);
    QueryProcessor queryProcessor =
        QueryProcessor.builder()
            .handlers(
                new QueryHandlerRegistry()
                    .register(FindGreetings.class, FindGreetingsHandler.class),
                handlers)
            .build();
    sweeper =
        OutboxSweeper.builder()
            .commandProcessor(commandProcessor)
            .minimumAge(Duration.ofSeconds(5))
            .batchSize(100)
            .interval(Duration.ofSeconds(1))
            .build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 0);
    server.createContext(
        "/people", new GreetingsHttp(commandProcessor, queryProcessor, httpTracer));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
  }

  /**
   * Serves the operations console at {@code /brighter/console} and its API at {@code
   * /brighter/api}, writes allowed: the sample listens on loopback only.
   */
  public void serveConsole(BrighterOperations operations) {
    server.createContext("/brighter", new ConsoleHttpHandler(operations, true));
  }

  /** Serves HTTP and starts the sweeper. */
  public void start() {
    server.start();
    sweeper.start();
  }

  /** The port the API listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The API's command processor. */
  public CommandProcessor commandProcessor() {
    return commandProcessor;
  }

  /** The API's outbox, where the demo finds a message to deliver twice. */
  public Outbox outbox() {
    return store.outbox();
  }

  @Override
  public void close() {
    server.stop(0);
    sweeper.close();
    producer.close();
    store.close();
  }
}
