package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.rabbitmq.RmqBrokerProbe;
import io.brighter.rabbitmq.RmqConnection;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The RabbitMQ broker's health, as {@code brighterRabbitMq} in the actuator's health endpoint: UP
 * with the broker's version when a connection opens within two seconds, DOWN with the reason when
 * not. The details give the broker's address without its password.
 */
public final class RabbitMqHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final RmqConnection connection;

  /** The health of {@code connection}'s broker. */
  public RabbitMqHealthIndicator(RmqConnection connection) {
    super("RabbitMQ health check failed");
    this.connection = requireNonNull(connection, "connection must not be null");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    RmqBrokerProbe.Result result = RmqBrokerProbe.probe(connection, TIMEOUT);
    builder.withDetail("broker", connection.redactedUri());
    if (result.reachable()) {
      builder.up();
      if (result.version() != null) {
        builder.withDetail("version", result.version());
      }
    } else {
      builder.down().withDetail("error", String.valueOf(result.error()));
    }
  }
}
