package io.brighter.samples.greetings;

import io.brighter.observability.BrighterTracer;
import io.brighter.operations.BrighterOperations;
import io.brighter.operations.MessageCounters;
import io.brighter.samples.greetings.api.GreetingsApi;
import io.brighter.samples.greetings.salutation.SalutationService;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The Greetings sample: a greetings API and a salutation service, wired with the plain builders (no
 * container), joined by a bus (in memory by default, Kafka or RabbitMQ), each with its own tables
 * (a SQLite file each by default, or PostgreSQL, MariaDB or DynamoDB). {@link #main} starts both,
 * runs the {@link Demo} against the API over HTTP, prints the trace of one greeting, and serves on
 * until stopped (or exits with {@code --exit}).
 */
public final class GreetingsApp implements AutoCloseable {

  private final TraceCollector traces = new TraceCollector();
  private final OpenTelemetrySdk openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(traces))
                  .build())
          .build();
  private final Journal journal;
  private final GreetingsApi api;
  private final SalutationService salutations;
  private final SampleTransport transport;
  private final BrighterOperations operations;

  /** Wires both services as {@code options} say, telling what happens to {@code out}. */
  public GreetingsApp(SampleOptions options, PrintStream out) throws IOException {
    journal = new Journal(out);
    transport = options.transport();
    BrighterTracer tracer = BrighterTracer.of(openTelemetry);
    MessageCounters counters = new MessageCounters();
    api =
        new GreetingsApi(
            options,
            transport,
            journal,
            tracer,
            openTelemetry.getTracer("greetings-api-http"),
            counters);
    salutations = new SalutationService(options, transport, journal, tracer, counters);
    operations =
        BrighterOperations.builder()
            .dispatcher(salutations.dispatcher())
            .counters(counters)
            .outbox(api.outbox(), api.commandProcessor())
            .build();
    api.serveConsole(operations);
  }

  /** Starts both services. */
  public GreetingsApp start() {
    salutations.start();
    api.start();
    return this;
  }

  /** Runs the demo against the started services; returns what it found. */
  public Demo.Outcome runDemo() throws IOException, InterruptedException {
    return new Demo(api, salutations, transport, journal, traces, operations).run();
  }

  /** The operations over the salutation service's dispatcher and the API's outbox. */
  public BrighterOperations operations() {
    return operations;
  }

  /** How many salutations answer the greeting event {@code greetingId}. */
  public int salutationsFor(String greetingId) {
    return salutations.salutationsFor(greetingId);
  }

  /** The API's HTTP port. */
  public int port() {
    return api.port();
  }

  @Override
  public void close() {
    api.close();
    salutations.close();
    openTelemetry.close();
  }

  /** Runs the sample; see {@link SampleOptions} for the options. */
  public static void main(String[] args) throws Exception {
    SampleOptions options;
    try {
      options = SampleOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream out = System.out;
    try (GreetingsApp app = new GreetingsApp(options, out).start()) {
      out.printf(
          "Greetings API on http://127.0.0.1:%d (database: %s, bus: %s)%n",
          app.port(),
          options.database().name().toLowerCase(java.util.Locale.ROOT),
          app.transport.describe());
      out.printf("Operations console on http://127.0.0.1:%d/brighter/console%n", app.port());
      Demo.Outcome outcome = app.runDemo();
      out.println();
      out.println(outcome.summary());
      if (!options.exitAfterDemo()) {
        out.printf(
            "%nServing on; try: curl -s http://127.0.0.1:%d/people/Ada/greetings%n"
                + "Stop with Ctrl+C.%n",
            app.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
      }
    }
    // The local endpoints started in this process (ElasticMQ's actor system among them) run
    // threads that would keep the JVM alive; exiting runs their shutdown hooks, which stop them.
    System.exit(0);
  }
}
