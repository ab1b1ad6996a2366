package io.brighter.aws.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite process (an MIT-licensed DynamoDB implementation on Node.js) on a free loopback port,
 * in memory. Installs dynalite with npm into the module's {@code target/dynalite} the first time,
 * so a fresh machine needs only {@code node} and {@code npm} (bin/test's {@code ensure_node}
 * installs them). Fails, never skips, when it cannot start.
 */
final class Dynalite {

  static final String VERSION = "4.0.0";

  private final Process process;
  private final int port;

  private Dynalite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Installs dynalite if needed and starts it; stop it with {@link #stop()}. */
  static Dynalite start() {
    Path dir =
        Path.of(System.getProperty("brighter.dynalite.dir", "target/dynalite")).toAbsolutePath();
    Path cli = dir.resolve("node_modules/dynalite/cli.js");
    try {
      if (!Files.isRegularFile(cli)) {
        install(dir);
      }
      int port = freePort();
      Process process =
          new ProcessBuilder(
                  "node",
                  cli.toString(),
                  "--host",
                  "127.0.0.1",
                  "--port",
                  Integer.toString(port),
                  "--createTableMs",
                  "0",
                  "--deleteTableMs",
                  "0",
                  "--updateTableMs",
                  "0")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("dynalite.log").toFile())
              .start();
      Dynalite dynalite = new Dynalite(process, port);
      dynalite.awaitPort(Duration.ofSeconds(30));
      return dynalite;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not start dynalite from " + cli + " (is node installed? bin/test installs it)", e);
    }
  }

  int port() {
    return port;
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void install(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> command =
        List.of(
            "npm",
            "install",
            "--prefix",
            dir.toString(),
            "--no-audit",
            "--no-fund",
            "dynalite@" + VERSION);
    Process npm =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("npm-install.log").toFile())
            .start();
    try {
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException(
            "`" + String.join(" ", command) + "` failed; see " + dir.resolve("npm-install.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while installing dynalite", e);
    }
  }

  private void awaitPort(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dynalite exited with " + process.exitValue() + "; see target/dynalite/dynalite.log");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for dynalite", e);
        }
      }
    }
    stop();
    throw new IllegalStateException("dynalite did not open port " + port + " within " + timeout);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
