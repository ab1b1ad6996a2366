package io.brighter.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) running inside this JVM on
 * loopback, on free ports, with its log in a fresh directory under {@code target/}. Tests share one
 * through {@link #shared()}, started on first use and stopped when the JUnit launcher session ends
 * ({@link KafkaBrokerSession}) or, failing that, when the JVM exits; the benchmarks start their own
 * with {@link #start}. When {@code bin/test} names a run directory ({@code BRIGHTER_LOCAL_RUN_DIR},
 * or the system property {@code brighter.local.run.dir}), the shared broker runs in a process of
 * its own that serves every test JVM of the run ({@link SharedKafkaProcess}).
 *
 * {@snippet :
 * KafkaConfiguration kafka = EmbeddedKafkaBroker.shared().configuration();
 * }
 *
 * <p>The broker does not create topics on its own ({@code auto.create.topics.enable=false}), so the
 * transport's own {@code OnMissingChannel} handling is what the tests see. It answers only once it
 * has created a topic: the first creation can take several seconds while the node registers.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static @Nullable EmbeddedKafkaBroker shared;
  private static @Nullable KafkaBrokerEndpoint sharedEndpoint;

  private final Properties properties;
  private final Path directory;
  private final String bootstrapServers;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server, Properties properties, Path directory, String bootstrapServers) {
    this.server = server;
    this.properties = properties;
    this.directory = directory;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * The broker the tests share: the run's broker process when there is a run directory, else one in
   * this JVM, started on the first call.
   */
  public static synchronized KafkaBrokerEndpoint shared() {
    if (sharedEndpoint == null) {
      String runDir =
          System.getProperty("brighter.local.run.dir", System.getenv("BRIGHTER_LOCAL_RUN_DIR"));
      if (runDir != null && !runDir.isBlank()) {
        sharedEndpoint = SharedKafkaProcess.endpoint(Path.of(runDir));
      } else {
        EmbeddedKafkaBroker broker = start(Path.of("target"));
        Runtime.getRuntime()
            .addShutdownHook(new Thread(EmbeddedKafkaBroker::stopShared, "kafka-broker-stop"));
        shared = broker;
        sharedEndpoint = broker.endpoint();
      }
    }
    return sharedEndpoint;
  }

  /**
   * Stops the shared broker if this JVM started it (a run's broker process stays up for the run's
   * other JVMs); the next {@link #shared()} starts a new one.
   */
  public static synchronized void stopShared() {
    sharedEndpoint = null;
    if (shared != null) {
      EmbeddedKafkaBroker broker = shared;
      shared = null;
      broker.close();
    }
  }

  /** Starts a broker with its data in a new directory under {@code parent}, and waits for it. */
  public static EmbeddedKafkaBroker start(Path parent) {
    try {
      Path directory =
          Files.createDirectories(parent.toAbsolutePath().resolve("kafka-" + Uuid.randomUuid()));
      int port = freePort();
      int controllerPort = freePort();
      Properties props = properties(directory.resolve("data"), port, controllerPort);
      Path config = directory.resolve("server.properties");
      try (var out = Files.newOutputStream(config)) {
        props.store(out, "single-node KRaft broker for tests");
      }
      format(config);
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      EmbeddedKafkaBroker broker =
          new EmbeddedKafkaBroker(server, props, directory, "127.0.0.1:" + port);
      broker.awaitReady();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the Kafka broker", e);
    }
  }

  /** {@code host:port} of the broker's listener. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** What clients need to reach this broker. */
  public KafkaBrokerEndpoint endpoint() {
    return new KafkaBrokerEndpoint(bootstrapServers);
  }

  /** A configuration that reaches this broker. */
  public KafkaConfiguration configuration() {
    return endpoint().configuration();
  }

  /** Stops the broker, keeping its data and ports, as a broker process that went away. */
  public synchronized void stop() {
    server.shutdown();
    server.awaitShutdown();
  }

  /** Starts the broker {@link #stop} stopped again, on the same ports and data, and waits. */
  public synchronized void restart() {
    server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    server.startup();
    awaitReady();
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // leave the directory for `mvn clean`
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = Admin.create(endpoint().adminProperties())) {
      while (true) {
        try {
          admin
              .createTopics(List.of(new NewTopic("brighter-broker-ready", 1, (short) 1)))
              .all()
              .get(10, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof TopicExistsException) {
            return;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka broker did not become ready", e);
          }
        } catch (java.util.concurrent.TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka broker did not become ready", e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted waiting for the Kafka broker", e);
        }
      }
    }
  }

  private static Properties properties(Path data, int port, int controllerPort) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", data.toString());
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    return props;
  }

  private static void format(Path config) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status =
          StorageTool.execute(
              new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
              print);
    }
    if (status != 0) {
      throw new IllegalStateException(
          "Could not format Kafka storage: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
