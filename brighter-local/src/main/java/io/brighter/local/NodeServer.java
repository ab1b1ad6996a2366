package io.brighter.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server from the npm registry run by node on a free loopback port: dynalite (DynamoDB) or s3rver
 * (S3). Installs the package with npm into {@code target/<name>} (or the directory the system
 * property {@code brighter.<name>.dir} names) the first time, so a fresh machine needs only {@code
 * node} and {@code npm} (bin/test's {@code ensure_node} installs them). Fails, never skips, when it
 * cannot start.
 */
public final class NodeServer {

  /**
   * An npm package that serves on a port.
   *
   * @param name the package's name, also its directory's
   * @param version the version installed
   * @param cli the script node runs, relative to the directory
   * @param arguments the script's arguments for a directory and a port
   */
  public record Package(String name, String version, String cli, Arguments arguments) {}

  /** A package's command-line arguments for its directory and port. */
  @FunctionalInterface
  public interface Arguments {
    /** The arguments for a server in {@code directory} listening on {@code port}. */
    List<String> of(Path directory, int port);
  }

  private final Process process;
  private final int port;
  private final String name;

  private NodeServer(Process process, int port, String name) {
    this.process = process;
    this.port = port;
    this.name = name;
  }

  /** Installs {@code server} if needed and starts it; stop it with {@link #stop()}. */
  public static NodeServer start(Package server) {
    Path dir =
        Path.of(System.getProperty("brighter." + server.name() + ".dir", "target/" + server.name()))
            .toAbsolutePath();
    Path cli = dir.resolve(server.cli());
    try {
      if (!Files.isRegularFile(cli)) {
        install(dir, server);
      }
      int port = FreePort.find();
      List<String> command = new ArrayList<>(List.of("node", cli.toString()));
      command.addAll(server.arguments().of(dir, port));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(server.name() + ".log").toFile())
              .start();
      NodeServer started = new NodeServer(process, port, server.name());
      started.awaitPort(Duration.ofSeconds(30), dir);
      return started;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not start "
              + server.name()
              + " from "
              + cli
              + " (is node installed? bin/test installs it)",
          e);
    }
  }

  /** The loopback port the server listens on. */
  public int port() {
    return port;
  }

  /** Stops the server, forcibly after five seconds. */
  public void stop() {
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

  private static void install(Path dir, Package server) throws IOException {
    Files.createDirectories(dir);
    List<String> command =
        List.of(
            "npm",
            "install",
            "--prefix",
            dir.toString(),
            "--no-audit",
            "--no-fund",
            server.name() + "@" + server.version());
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
      throw new IllegalStateException("Interrupted while installing " + server.name(), e);
    }
  }

  private void awaitPort(Duration timeout, Path dir) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + dir.resolve(name + ".log"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
      }
    }
    stop();
    throw new IllegalStateException(name + " did not open port " + port + " within " + timeout);
  }
}
