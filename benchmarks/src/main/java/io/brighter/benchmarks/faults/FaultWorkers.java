package io.brighter.benchmarks.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The worker processes of one run: separate JVMs on this JVM's class path, each logging to a file
 * of its own. {@link #kill} sends SIGKILL; {@link #close} kills every one still running, so no run
 * leaves a process behind, even when it fails.
 */
final class FaultWorkers implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final FaultSetup setup;
  private final Path logs;
  private final Map<String, Process> running = new HashMap<>();
  private final List<Process> started = new ArrayList<>();
  private final List<Path> logFiles = new ArrayList<>();

  FaultWorkers(FaultSetup setup, Path logs) throws IOException {
    this.setup = setup;
    this.logs = Files.createDirectories(logs);
  }

  /** Starts a {@code role} process and waits until it says it runs. */
  void start(String role) throws IOException, InterruptedException {
    Path log = logs.resolve(setup.topicName() + "-" + role + "-" + started.size() + ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                FaultWorker.class.getName(),
                role,
                setup.transport().name(),
                setup.topicName(),
                setup.kafkaBootstrap(),
                Integer.toString(setup.deferEvery()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.add(process);
    logFiles.add(log);
    running.put(role, process);
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(FaultMatrix.READY)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(role + " did not start; see " + log);
      }
      Thread.sleep(50);
    }
  }

  /** How many lines of every log so far hold {@code marker}. */
  long linesWith(String marker) throws IOException {
    long lines = 0;
    for (Path log : logFiles) {
      try (Stream<String> read = Files.lines(log, StandardCharsets.UTF_8)) {
        lines += read.filter(line -> line.contains(marker)).count();
      }
    }
    return lines;
  }

  /** Kills the running {@code role} process with SIGKILL and waits until it is gone. */
  void kill(String role) throws InterruptedException {
    Process process = running.remove(role);
    if (process == null) {
      throw new IllegalStateException("no " + role + " is running");
    }
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(role + " (pid " + process.pid() + ") outlived SIGKILL");
    }
  }

  @Override
  public void close() {
    for (Process process : started) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
