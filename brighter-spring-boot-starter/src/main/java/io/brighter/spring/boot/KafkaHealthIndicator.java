package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.kafka.KafkaClusterProbe;
import io.brighter.kafka.KafkaConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The Kafka cluster's health, as {@code brighterKafka} in the actuator's health endpoint: UP with
 * the cluster's id and broker count when it describes itself within two seconds, DOWN with the
 * reason when not. The details give the bootstrap servers. One admin client serves every check and
 * is closed with the context.
 */
public final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final KafkaClusterProbe probe;

  /** The health of {@code configuration}'s cluster. */
  public KafkaHealthIndicator(KafkaConfiguration configuration) {
    super("Kafka health check failed");
    this.probe =
        new KafkaClusterProbe(requireNonNull(configuration, "configuration must not be null"));
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    KafkaClusterProbe.Result result = probe.probe(TIMEOUT);
    builder.withDetail("bootstrapServers", probe.bootstrapServers());
    if (result.reachable()) {
      builder
          .up()
          .withDetail("clusterId", String.valueOf(result.clusterId()))
          .withDetail("brokers", result.brokers());
    } else {
      builder.down().withDetail("error", String.valueOf(result.error()));
    }
  }

  @Override
  public void destroy() {
    probe.close();
  }
}
