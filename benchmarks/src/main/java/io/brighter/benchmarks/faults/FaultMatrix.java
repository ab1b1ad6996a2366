package io.brighter.benchmarks.faults;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.benchmarks.faults.FaultWorker.Work;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.kafka.EmbeddedKafkaBroker;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.Publication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The fault matrix: for each scenario and transport, deposits messages in a PostgreSQL outbox, runs
 * a relay and a consumer as separate JVMs ({@link FaultWorker}), kills one of them with SIGKILL
 * part way and starts it again, and prints what the handler saw. Options: {@code messages=2000},
 * {@code scenarios=1,2,5}, {@code transports=rabbitmq,kafka}. Scenarios:
 *
 * <ol>
 *   <li>the relaying process killed mid-batch, a new one started on the same outbox;
 *   <li>the consuming process killed mid-handling, restarted;
 *   <li>(3 and 4, broker and database outages, are not run yet);
 *   <li>the consuming process killed while delayed requeues are in flight (every tenth message
 *       deferred once for three seconds: on RabbitMQ they wait in the broker, on Kafka in the
 *       outbox), restarted.
 * </ol>
 *
 * <p>Exits with status 1 when a row lost a message or the inbox let a duplicate through.
 */
public final class FaultMatrix {

  /** What a worker prints once it runs. */
  static final String READY = "fault-worker ready";

  private static final Duration FINISH_WITHIN = Duration.ofMinutes(3);
  private static final Duration LATE_DUPLICATES = Duration.ofSeconds(2);

  private FaultMatrix() {}

  /** Runs the scenarios the arguments ask for and prints the matrix. */
  public static void main(String[] args) throws Exception {
    int messages = Integer.parseInt(option(args, "messages", "2000"));
    List<Integer> scenarios =
        Arrays.stream(option(args, "scenarios", "1,2,5").split(",")).map(Integer::valueOf).toList();
    List<FaultTransport> transports =
        Arrays.stream(option(args, "transports", "rabbitmq,kafka").split(","))
            .map(FaultTransport::valueOf)
            .toList();
    List<FaultRow> rows = new ArrayList<>();
    EmbeddedKafkaBroker broker =
        transports.contains(FaultTransport.kafka)
            ? EmbeddedKafkaBroker.start(Path.of("target", "faults"))
            : null;
    try {
      for (FaultTransport transport : transports) {
        String bootstrap = broker == null ? "-" : broker.bootstrapServers();
        for (int scenario : scenarios) {
          FaultRow row = run(scenario, transport, bootstrap, messages);
          System.out.println(row.line());
          rows.add(row);
        }
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
    System.out.println();
    System.out.println(FaultRow.HEADER);
    rows.forEach(row -> System.out.println(row.line()));
    System.exit(rows.stream().allMatch(FaultRow::kept) ? 0 : 1);
  }

  private static FaultRow run(
      int scenario, FaultTransport transport, String bootstrap, int messages) throws Exception {
    FaultTables.reset();
    FaultSetup setup =
        new FaultSetup(
            transport,
            "faults-" + scenario + "-" + Id.random().value().substring(24),
            bootstrap,
            scenario == 5 ? 10 : 0);
    deposit(setup, messages);
    long recoveryMillis;
    try (FaultWorkers workers = new FaultWorkers(setup, Path.of("target", "faults"))) {
      String victim =
          switch (scenario) {
            case 1 -> "relay";
            case 2, 5 -> "consumer";
            default -> throw new IllegalArgumentException("no scenario " + scenario);
          };
      workers.start("consumer");
      workers.start("relay");
      if (scenario == 1) { // the relay is faster than the consumer: kill it by what it sent
        JdbcOutbox outbox = FaultTables.outbox();
        awaitAtLeast(() -> messages - outbox.outstandingCount(), messages * 3L / 10);
        awaitAtLeast(FaultTables::claimedNotDispatched, 1); // mid-batch: claimed, not all marked
      } else {
        awaitAtLeast(() -> FaultTables.rows(FaultTables.EFFECTS), messages * 3L / 10);
      }
      workers.kill(victim);
      long killed = System.nanoTime();
      workers.start(victim);
      awaitAtLeast(() -> FaultTables.distinct(FaultTables.EFFECTS), messages);
      recoveryMillis = (System.nanoTime() - killed) / 1_000_000;
      Thread.sleep(LATE_DUPLICATES.toMillis()); // redeliveries still on their way
    }
    return new FaultRow(
        switch (scenario) {
          case 1 -> "1. relay killed mid-batch";
          case 2 -> "2. consumer killed mid-handling";
          default -> "5. consumer killed with delayed requeues in flight";
        },
        transport,
        messages,
        FaultTables.distinct(FaultTables.DELIVERIES),
        messages - FaultTables.distinct(FaultTables.EFFECTS),
        FaultTables.rows(FaultTables.DELIVERIES) - FaultTables.distinct(FaultTables.DELIVERIES),
        FaultTables.rows(FaultTables.EFFECTS) - FaultTables.distinct(FaultTables.EFFECTS),
        FaultTables.rows(FaultTables.DEFERRED),
        recoveryMillis);
  }

  /** Stores {@code count} messages in the outbox, as a service's transactions would. */
  private static void deposit(FaultSetup setup, int count) {
    JdbcOutbox outbox = FaultTables.outbox();
    Publication publication =
        Publication.builder().topic(setup.topic()).requestType(Work.class).build();
    JsonMessageMapper<Work> mapper = new JsonMessageMapper<>(Work.class);
    List<Message> batch = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      batch.add(mapper.mapToMessage(new Work(Id.random(), n), publication));
      if (batch.size() == 500 || n == count - 1) {
        outbox.add(batch, new RequestContext(), null);
        batch.clear();
      }
    }
  }

  /** Waits until {@code count} reaches {@code wanted}, for at most {@link #FINISH_WITHIN}. */
  private static void awaitAtLeast(LongSupplier count, long wanted) throws InterruptedException {
    long deadline = System.nanoTime() + FINISH_WITHIN.toNanos();
    while (count.getAsLong() < wanted) {
      if (System.nanoTime() > deadline) {
        return; // the row shows what is missing
      }
      Thread.sleep(50);
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1).toLowerCase(Locale.ROOT);
      }
    }
    return fallback;
  }
}
