package io.brighter.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Whether the broker of an {@link RmqConnection} answers now: one connection opened and closed, no
 * retries, within a timeout. For health checks; the producers and consumers keep their own
 * connections.
 *
 * {@snippet :
 * RmqBrokerProbe.Result result = RmqBrokerProbe.probe(connection, Duration.ofSeconds(2));
 * if (!result.reachable()) {
 *   log.warn("RabbitMQ is away: {}", result.error());
 * }
 * }
 */
public final class RmqBrokerProbe {

  /**
   * What a probe found.
   *
   * @param reachable whether a connection opened
   * @param version the broker's version, when it said
   * @param error why no connection opened, when none did
   */
  public record Result(boolean reachable, @Nullable String version, @Nullable String error) {}

  private RmqBrokerProbe() {}

  /** Opens and closes one connection to {@code connection}'s broker within {@code timeout}. */
  public static Result probe(RmqConnection connection, Duration timeout) {
    requireNonNull(connection, "connection must not be null");
    ConnectionFactory factory = RmqConnector.factory(connection);
    factory.setConnectionTimeout((int) Math.max(1, timeout.toMillis()));
    factory.setHandshakeTimeout((int) Math.max(1, timeout.toMillis()));
    try {
      Connection opened = factory.newConnection(connection.connectionName() + "-probe");
      try {
        Object version = opened.getServerProperties().get("version");
        return new Result(true, version == null ? null : version.toString(), null);
      } finally {
        RmqConnector.closeQuietly(opened);
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      return new Result(false, null, e.toString());
    }
  }
}
