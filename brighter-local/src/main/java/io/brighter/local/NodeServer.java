package io.brighter.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A server from the npm registry run by node on a free loopback port: dynalite (DynamoDB) or s3rver
 * (S3). Installs the package with npm into {@code target/<name>} (or the directory the system
 * property {@code brighter.<name>.dir} names) the first time, so a fresh machine needs only {@code
 * node} and {@code npm} (bin/test's {@code ensure_node} installs them). Fails, never skips, when it
 * cannot start.
 *
 * <p>When the environment variable {@code BRIGHTER_LOCAL_RUN_DIR} (or the system property {@code
 * brighter.local.run.dir}) names a directory, the server is shared by every JVM of the run: the
 * first to ask starts it and records its port and process id there, under a file lock; the others
 * find it running and use it. A shared server outlives the JVMs that use it, so {@link #stop()}
 * leaves it running and whoever made the directory ends it: {@code bin/test} ends every process
 * recorded there when the run is over.
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

  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

  private final @Nullable Process process;
  private final int port;
  private final String name;
  private final boolean shared;

  private NodeServer(@Nullable Process process, int port, String name, boolean shared) {
    this.process = process;
    this.port = port;
    this.name = name;
    this.shared = shared;
  }

  /**
   * Installs {@code server} if needed and starts it, or finds the run's shared one; stop it with
   * {@link #stop()}.
   */
  public static NodeServer start(Package server) {
    String runDir =
        System.getProperty("brighter.local.run.dir", System.getenv("BRIGHTER_LOCAL_RUN_DIR"));
    return runDir == null || runDir.isBlank()
        ? launch(server, false)
        : shared(server, Path.of(runDir));
  }

  private static synchronized NodeServer shared(Package server, Path runDir) {
    Path portFile = runDir.resolve(server.name() + ".port");
    try {
      Files.createDirectories(runDir);
      try (FileChannel lockFile =
          FileChannel.open(
              runDir.resolve(server.name() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        lockFile.lock(); // held until the channel closes

        if (Files.isRegularFile(portFile)) {
          int port = Integer.parseInt(Files.readString(portFile).strip());
          if (answers(port)) {
            return new NodeServer(null, port, server.name(), true);
          }
        }
        NodeServer started = launch(server, true);
        Files.writeString(runDir.resolve(server.name() + ".pid"), Long.toString(started.pid()));
        Files.writeString(portFile, Integer.toString(started.port));
        return started;
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("Could not share " + server.name() + " through " + runDir, e);
    }
  }

  private static NodeServer launch(Package server, boolean shared) {
    Path dir =
        Path.of(System.getProperty("brighter." + server.name() + ".dir", "target/" + server.name()))
            .toAbsolutePath();
    Path cli = dir.resolve(server.cli());
    try {
      if (!server.version().equals(installedVersion(dir, server))) {
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
      awaitPort(process, port, server.name(), dir);
      return new NodeServer(process, port, server.name(), shared);
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

  /**
   * Stops the server, forcibly after five seconds; a server shared by the run stays up for the
   * run's other JVMs.
   */
  public void stop() {
    Process process = this.process;
    if (shared || process == null) {
      return;
    }
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

  private long pid() {
    return process == null ? -1 : process.pid();
  }

  private static @Nullable String installedVersion(Path dir, Package server) throws IOException {
    Path manifest = dir.resolve("node_modules").resolve(server.name()).resolve("package.json");
    if (!Files.isRegularFile(manifest) || !Files.isRegularFile(dir.resolve(server.cli()))) {
      return null;
    }
    Matcher version = VERSION.matcher(Files.readString(manifest));
    return version.find() ? version.group(1) : null;
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
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

  private static void awaitPort(Process process, int port, String name, Path dir) {
    Duration timeout = Duration.ofSeconds(30);
    Instant deadline = Instant.now().plus(timeout);
    while (!answers(port)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + dir.resolve(name + ".log"));
      }
      if (Instant.now().isAfter(deadline)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not open port " + port + " within " + timeout);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
    }
  }
}
