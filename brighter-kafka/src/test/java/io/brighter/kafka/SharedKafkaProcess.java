package io.brighter.kafka;

import io.brighter.testing.TestJvm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The Kafka broker of a whole test run, in a JVM process of its own, so the modules whose tests
 * need Kafka (brighter-kafka, the Spring Boot starter, the sample) start one broker between them.
 * The first test JVM to ask launches it with its own class path and records its address and process
 * id in the run directory ({@code BRIGHTER_LOCAL_RUN_DIR}), under a file lock; the later JVMs find
 * it there. The process outlives the JVM that launched it: {@code bin/test} ends it when the run is
 * over.
 */
final class SharedKafkaProcess {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String ADDRESS_FILE = "kafka.address";

  private SharedKafkaProcess() {}

  /** The run's broker, launched if no JVM of the run has launched it yet. */
  static KafkaBrokerEndpoint endpoint(Path runDir) {
    try {
      Files.createDirectories(runDir);
      try (FileChannel lock =
          FileChannel.open(
              runDir.resolve("kafka.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        lock.lock(); // held until the channel closes
        Path address = runDir.resolve(ADDRESS_FILE);
        if (Files.isRegularFile(address)) {
          String bootstrapServers = Files.readString(address).strip();
          if (answers(bootstrapServers)) {
            return new KafkaBrokerEndpoint(bootstrapServers);
          }
          Files.delete(address);
        }
        return launch(runDir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not share the Kafka broker through " + runDir, e);
    }
  }

  /**
   * The shared process's entry point: starts a broker with its data under {@code args[0]}, writes
   * its address there once it answers, and serves until the process is ended.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path runDir = Path.of(args[0]);
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(runDir);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
    Path written =
        Files.writeString(runDir.resolve(ADDRESS_FILE + ".new"), broker.bootstrapServers());
    Files.move(written, runDir.resolve(ADDRESS_FILE), StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }

  private static KafkaBrokerEndpoint launch(Path runDir) throws IOException {
    Path log = runDir.resolve("kafka.log");
    // the broker speaks through whichever SLF4J binding the class path has: warnings only
    Path logback =
        Files.writeString(
            runDir.resolve("kafka-logback.xml"),
            "<configuration><appender name=\"out\""
                + " class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%d %-5level"
                + " %logger - %msg%n</pattern></encoder></appender><root level=\"WARN\">"
                + "<appender-ref ref=\"out\"/></root></configuration>");
    Process process =
        TestJvm.start(
            SharedKafkaProcess.class,
            List.of(
                "-Xmx768m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dlogback.configurationFile=" + logback.toAbsolutePath()),
            List.of(runDir.toAbsolutePath().toString()),
            ProcessBuilder.Redirect.to(log.toFile()));
    Files.writeString(runDir.resolve("kafka.pid"), Long.toString(process.pid()));
    Path address = runDir.resolve(ADDRESS_FILE);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.isRegularFile(address)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The shared Kafka broker exited with " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "The shared Kafka broker did not start within " + START_TIMEOUT + "; see " + log);
      }
      sleep();
    }
    return new KafkaBrokerEndpoint(Files.readString(address).strip());
  }

  private static boolean answers(String bootstrapServers) {
    int colon = bootstrapServers.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              bootstrapServers.substring(0, colon),
              Integer.parseInt(bootstrapServers.substring(colon + 1))),
          1_000);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for the shared Kafka broker", e);
    }
  }
}
