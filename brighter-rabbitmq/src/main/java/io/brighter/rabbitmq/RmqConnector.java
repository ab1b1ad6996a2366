package io.brighter.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.brighter.ConfigurationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections for one producer or consumer: retries with doubling back-off as {@link
 * RmqConnectionRetry} says, then opens a circuit breaker so that connects fail at once for the
 * break time. Waiting never outlasts the broker's absence by much: during a back-off and during the
 * break, a connect first knocks on the broker's port (a plain TCP connect, every {@value
 * #PROBE_MILLIS} ms while it waits), and tries at once when something listens there again, so a
 * producer or consumer resumes within about a second of the broker coming back. The client's own
 * automatic recovery is off: the owner reconnects, re-declares its topology and settles what the
 * dead connection left, so nothing is confirmed or acknowledged twice by mistake. Thread-safe; a
 * lock rather than {@code synchronized}, so that a pump on a virtual thread does not pin its
 * carrier while it backs off.
 */
final class RmqConnector {

  private static final Logger LOG = LoggerFactory.getLogger(RmqConnector.class);
  private static final int CLOSE_TIMEOUT_MILLIS = 5_000;
  static final int PROBE_MILLIS = 250;

  private final RmqConnection settings;
  private final String clientName;
  private final Clock clock;
  private final ConnectionFactory factory;
  private final InetSocketAddress address;
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable Instant openUntil;

  RmqConnector(RmqConnection settings, String role, Clock clock) {
    this.settings = settings;
    this.clientName = settings.connectionName() + "-" + role;
    this.clock = clock;
    this.factory = factory(settings);
    this.address = new InetSocketAddress(factory.getHost(), factory.getPort());
  }

  /**
   * A new connection.
   *
   * @throws RmqBrokerUnreachableException when every try failed or the circuit is open
   */
  Connection connect() {
    lock.lock();
    try {
      return connectLocked();
    } finally {
      lock.unlock();
    }
  }

  private Connection connectLocked() {
    Instant now = clock.instant();
    if (openUntil != null && now.isBefore(openUntil)) {
      if (!reachable()) {
        throw RmqBrokerUnreachableException.createCircuitOpen(
            settings.redactedUri(), Duration.between(now, openUntil));
      }
      LOG.info("RabbitMQ at {} answers again; reconnecting", settings.redactedUri());
      openUntil = null;
    }
    RmqConnectionRetry retry = settings.retry();
    Exception last = null;
    for (int attempt = 0; attempt <= retry.retryCount(); attempt++) {
      if (attempt > 0) {
        awaitReachable(retry.backOff(attempt));
      }
      try {
        Connection connection = factory.newConnection(clientName);
        openUntil = null;
        return connection;
      } catch (IOException | TimeoutException e) {
        last = e;
        LOG.debug("Connect {} to {} failed: {}", attempt + 1, settings.redactedUri(), e.toString());
      }
    }
    openUntil = clock.instant().plus(retry.circuitBreakTime());
    LOG.warn(
        "RabbitMQ at {} unreachable; not trying again for {}",
        settings.redactedUri(),
        retry.circuitBreakTime());
    throw RmqBrokerUnreachableException.createAfterTries(
        settings.redactedUri(), retry.retryCount() + 1, last);
  }

  /** Closes {@code connection}, waiting briefly when it is open, at once when it broke. */
  static void closeQuietly(Connection connection) {
    if (connection.isOpen()) {
      try {
        connection.close(CLOSE_TIMEOUT_MILLIS);
        return;
      } catch (IOException | RuntimeException e) {
        LOG.debug("Closing a connection failed: {}", e.toString());
      }
    }
    connection.abort(CLOSE_TIMEOUT_MILLIS);
  }

  /** Waits up to {@code wait}, returning as soon as the broker's port accepts a connection. */
  private void awaitReachable(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        Thread.sleep(
            Math.min(PROBE_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        if (reachable()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to reconnect to RabbitMQ", e);
    }
  }

  /** Whether something accepts a TCP connection on the broker's address. */
  private boolean reachable() {
    try (Socket socket = new Socket()) {
      socket.connect(address, PROBE_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static ConnectionFactory factory(RmqConnection settings) {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(settings.uri());
      if (settings.tls() != null) {
        factory.useSslProtocol(settings.tls().sslContext());
        if (settings.tls().verifyHostname()) {
          factory.enableHostnameVerification();
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new ConfigurationException(
          "RmqConnection.uri is not a usable AMQP URI: " + settings.redactedUri(), e);
    }
    factory.setRequestedHeartbeat((int) settings.heartbeat().toSeconds());
    factory.setConnectionTimeout((int) settings.connectionTimeout().toMillis());
    factory.setAutomaticRecoveryEnabled(false);
    factory.setTopologyRecoveryEnabled(false);
    factory.setSharedExecutor(new OnConnectionThread());
    return factory;
  }

  /**
   * Runs consumer callbacks on the connection's own reading thread instead of handing each delivery
   * to a pool thread first: one thread switch less per message. Safe because every callback this
   * module registers only puts a delivery in a queue or counts a latch down; none blocks or calls
   * the broker.
   */
  private static final class OnConnectionThread extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
