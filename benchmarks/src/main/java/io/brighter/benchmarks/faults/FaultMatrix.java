package io.brighter.benchmarks.faults;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.benchmarks.faults.FaultWorker.Work;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.kafka.EmbeddedKafkaBroker;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.Publication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The fault matrix: for each scenario and transport, deposits messages in a PostgreSQL outbox, runs
 * a relay and a consumer as separate JVMs ({@link FaultWorker}), kills one of them with SIGKILL
 * part way and starts it again, and prints what the handler saw. Options: {@code messages=2000},
 * {@code scenarios=1,2,3,5,6}, {@code transports=rabbitmq,kafka}. Scenarios:
 *
 * <ol>
 *   <li>the relaying process killed mid-batch, a new one started on the same outbox;
 *   <li>the consuming process killed mid-handling, restarted;
 *   <li>the broker away for 20 s while relay and consumer run, no process restarted;
 *   <li>PostgreSQL (outbox and inbox) away for 20 s while relay and consumer run;
 *   <li>the consuming process killed while delayed requeues are in flight (every tenth message
 *       deferred once for three seconds: on RabbitMQ they wait in the broker, on Kafka in the
 *       outbox), restarted.
 *   <li>poison and fuzz: {@code fuzz=10000} messages published with the broker's own client, half
 *       of them broken ({@link PoisonScenario}), drawn from {@code seed=} (by default the time).
 * </ol>
 *
 * <p>Exits with status 1 when a row lost a message or the inbox let a duplicate through, or
 * scenario 6 found a message where it should not be, a pump that died or an uncaught exception.
 */
public final class FaultMatrix {

  /** What a worker prints once it runs. */
  static final String READY = "fault-worker ready";

  private static final Duration FINISH_WITHIN = Duration.ofMinutes(3);
  private static final Duration LATE_DUPLICATES = Duration.ofSeconds(2);
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  private FaultMatrix() {}

  /** Runs the scenarios the arguments ask for and prints the matrix. */
  public static void main(String[] args) throws Exception {
    int messages = Integer.parseInt(option(args, "messages", "2000"));
    List<Integer> scenarios =
        Arrays.stream(option(args, "scenarios", "1,2,3,5,6").split(","))
            .map(Integer::valueOf)
            .toList();
    List<FaultTransport> transports =
        Arrays.stream(option(args, "transports", "rabbitmq,kafka").split(","))
            .map(FaultTransport::valueOf)
            .toList();
    int fuzzed = Integer.parseInt(option(args, "fuzz", "10000"));
    long seed =
        Long.parseLong(option(args, "seed", Long.toString(System.currentTimeMillis() % 1_000_000)));
    List<FaultRow> rows = new ArrayList<>();
    List<PoisonRow> poisonRows = new ArrayList<>();
    EmbeddedKafkaBroker broker =
        transports.contains(FaultTransport.kafka)
            ? EmbeddedKafkaBroker.start(Path.of("target", "faults"))
            : null;
    try {
      for (FaultTransport transport : transports) {
        for (int scenario : scenarios) {
          if (scenario == 6) {
            PoisonRow row = PoisonScenario.run(transport, broker, fuzzed, seed);
            System.out.println(row.line());
            poisonRows.add(row);
          } else {
            FaultRow row = run(scenario, transport, broker, messages);
            System.out.println(row.line());
            rows.add(row);
          }
        }
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
    if (!rows.isEmpty()) {
      System.out.println();
      System.out.println(FaultRow.HEADER);
      rows.forEach(row -> System.out.println(row.line()));
    }
    if (!poisonRows.isEmpty()) {
      System.out.println();
      System.out.println("6. poison and fuzz, seed " + seed + ":");
      System.out.println(PoisonRow.HEADER);
      poisonRows.forEach(row -> System.out.println(row.line()));
    }
    boolean kept =
        rows.stream().allMatch(FaultRow::kept) && poisonRows.stream().allMatch(PoisonRow::kept);
    System.exit(kept ? 0 : 1);
  }

  private static FaultRow run(
      int scenario, FaultTransport transport, @Nullable EmbeddedKafkaBroker broker, int messages)
      throws Exception {
    String bootstrap = broker == null ? "-" : broker.bootstrapServers();
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
      workers.start("consumer");
      workers.start("relay");
      if (scenario == 1) { // the relay is faster than the consumer: kill it by what it sent
        JdbcOutbox outbox = FaultTables.outbox();
        awaitAtLeast(() -> messages - outbox.outstandingCount(), messages * 3L / 10);
        awaitAtLeast(FaultTables::claimedNotDispatched, 1); // mid-batch: claimed, not all marked
      } else {
        awaitAtLeast(() -> FaultTables.rows(FaultTables.EFFECTS), messages * 3L / 10);
      }
      long faultAt = System.nanoTime();
      switch (scenario) {
        case 1 -> restart(workers, "relay");
        case 2, 5 -> restart(workers, "consumer");
        case 3 -> brokerAway(transport, broker);
        case 4 -> databaseAway();
        default -> throw new IllegalArgumentException("no scenario " + scenario);
      }
      awaitAtLeast(() -> FaultTables.distinct(FaultTables.EFFECTS), messages);
      recoveryMillis = (System.nanoTime() - faultAt) / 1_000_000;
      Thread.sleep(LATE_DUPLICATES.toMillis()); // redeliveries still on their way
    }
    return new FaultRow(
        switch (scenario) {
          case 1 -> "1. relay killed mid-batch";
          case 2 -> "2. consumer killed mid-handling";
          case 3 -> "3. broker away for " + OUTAGE.toSeconds() + " s";
          case 4 -> "4. PostgreSQL away for " + OUTAGE.toSeconds() + " s";
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

  /** Kills {@code role}'s process with SIGKILL and starts a new one. */
  private static void restart(FaultWorkers workers, String role) throws Exception {
    workers.kill(role);
    workers.start(role);
  }

  /**
   * Takes the broker away for {@link #OUTAGE} while relay and consumer run, and brings it back
   * whatever happens: RabbitMQ's application stopped and started ({@code rabbitmqctl}), the Kafka
   * broker stopped and started on the same ports and data.
   */
  private static void brokerAway(FaultTransport transport, @Nullable EmbeddedKafkaBroker broker)
      throws Exception {
    switch (transport) {
      case rabbitmq -> {
        rabbitmqctl("stop_app");
        try {
          Thread.sleep(OUTAGE.toMillis());
        } finally {
          rabbitmqctl("start_app");
        }
      }
      case kafka -> {
        EmbeddedKafkaBroker kafka = requireNonNull(broker, "broker");
        kafka.stop();
        try {
          Thread.sleep(OUTAGE.toMillis());
        } finally {
          kafka.restart();
        }
      }
    }
  }

  /**
   * Stops the loopback PostgreSQL (outbox, inbox and logs) for {@link #OUTAGE} while relay and
   * consumer run, and starts it again whatever happens.
   */
  private static void databaseAway() throws Exception {
    String version;
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      version =
          versions
              .map(path -> path.getFileName().toString())
              .max(Comparator.comparingInt(Integer::parseInt))
              .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster in /etc"));
    }
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop");
    try {
      Thread.sleep(OUTAGE.toMillis());
    } finally {
      run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start");
    }
  }

  private static void rabbitmqctl(String command) throws Exception {
    run("rabbitmqctl", command);
  }

  /** Runs {@code command}, for at most a minute, and fails with its output if it fails. */
  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
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
  private static void awaitAtLeast(Waits.Count count, long wanted) throws Exception {
    Waits.atLeast(count, wanted, FINISH_WITHIN, Duration.ofMillis(50));
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
