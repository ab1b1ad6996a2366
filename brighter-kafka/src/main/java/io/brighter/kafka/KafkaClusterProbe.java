package io.brighter.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;

/**
 * Whether the Kafka cluster of a {@link KafkaConfiguration} answers now: the cluster described
 * within a timeout, through one admin client made at the first probe and kept for the probe's life
 * (a cluster whose addresses do not resolve yet is reported unreachable, and tried again next
 * time). For health checks; the producers and consumers keep their own clients. Safe to call from
 * several threads; close it when done.
 *
 * {@snippet :
 * try (KafkaClusterProbe probe = new KafkaClusterProbe(kafka)) {
 *   KafkaClusterProbe.Result result = probe.probe(Duration.ofSeconds(2));
 *   if (!result.reachable()) {
 *     log.warn("Kafka is away: {}", result.error());
 *   }
 * }
 * }
 */
public final class KafkaClusterProbe implements AutoCloseable {

  /**
   * What a probe found.
   *
   * @param reachable whether the cluster answered
   * @param clusterId the cluster's id, when it answered
   * @param brokers how many brokers it has, when it answered
   * @param error why it did not answer, when it did not
   */
  public record Result(
      boolean reachable, @Nullable String clusterId, int brokers, @Nullable String error) {}

  private final KafkaConfiguration configuration;
  private @Nullable Admin admin;
  private boolean closed;

  /** A probe of {@code configuration}'s cluster; it connects at the first {@link #probe}. */
  public KafkaClusterProbe(KafkaConfiguration configuration) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
  }

  /** The bootstrap servers probed. */
  public String bootstrapServers() {
    return configuration.bootstrapServers();
  }

  /** Describes the cluster, waiting at most {@code timeout}. */
  public Result probe(Duration timeout) {
    int millis = (int) Math.max(1, timeout.toMillis());
    Admin client;
    try {
      client = admin();
    } catch (KafkaException e) {
      return new Result(false, null, 0, e + (e.getCause() == null ? "" : ": " + e.getCause()));
    }
    DescribeClusterResult cluster =
        client.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
    try {
      String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
      int brokers = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
      return new Result(true, clusterId, brokers, null);
    } catch (ExecutionException e) {
      return new Result(false, null, 0, String.valueOf(e.getCause()));
    } catch (TimeoutException e) {
      return new Result(false, null, 0, "no answer within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, null, 0, "interrupted");
    }
  }

  private synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("The probe is closed");
    }
    if (admin == null) {
      Map<String, Object> properties = configuration.clientProperties("probe");
      // one quick try per probe: the health check calls again, the client need not retry inside it
      properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
      admin = Admin.create(properties);
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
      admin = null;
    }
  }
}
