package io.brighter.local;

import com.sun.net.httpserver.HttpServer;

/**
 * Starts a JDK {@link HttpServer} whose dispatcher thread is a daemon, so a local endpoint never
 * keeps its JVM alive after the application's main thread ends: the server's dispatcher thread
 * takes the daemon status of the thread that starts it, and the JDK offers no other way to set it.
 */
public final class DaemonHttpServers {

  private DaemonHttpServers() {}

  /** Starts {@code server} from a daemon thread and returns once it is started. */
  public static void start(HttpServer server) {
    Thread starter = new Thread(server::start, "start-local-http-server");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting a local HTTP server", e);
    }
  }
}
