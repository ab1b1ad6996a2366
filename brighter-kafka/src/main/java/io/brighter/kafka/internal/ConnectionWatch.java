package io.brighter.kafka.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.jspecify.annotations.Nullable;

/**
 * Tells when a Kafka client has been without a connection to any broker for longer than a grace
 * period. A consumer's poll does not fail while the cluster is away (it returns nothing and keeps
 * reconnecting), so its pump would look healthy through an outage; the client's own {@code
 * connection-count} metric is what shows it. Not thread-safe: the consumer's thread calls it.
 */
public final class ConnectionWatch {

  private static final String CONNECTION_COUNT = "connection-count";

  private final Supplier<Map<MetricName, ? extends Metric>> metrics;
  private final String group;
  private final Duration grace;
  private final LongSupplier nanoTime;
  private @Nullable Metric connections;
  private long disconnectedSince;
  private boolean disconnected;

  /**
   * A watch on the {@code connection-count} metric of {@code group} among {@code metrics}.
   *
   * @param grace how long the client may be without a connection before {@link #check} reports it
   * @param nanoTime the clock, {@link System#nanoTime} outside tests
   */
  public ConnectionWatch(
      Supplier<Map<MetricName, ? extends Metric>> metrics,
      String group,
      Duration grace,
      LongSupplier nanoTime) {
    this.metrics = requireNonNull(metrics, "metrics");
    this.group = requireNonNull(group, "group");
    this.grace = requireNonNull(grace, "grace");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * How long the client has had no connection, when that is longer than the grace period; null
   * while it has one, or has lost it only for a moment, or does not report the metric.
   */
  public @Nullable Duration check() {
    Metric count = connectionCount();
    if (count == null) {
      return null;
    }
    boolean connected = count.metricValue() instanceof Number number && number.doubleValue() > 0;
    long now = nanoTime.getAsLong();
    if (connected) {
      disconnected = false;
      return null;
    }
    if (!disconnected) {
      disconnected = true;
      disconnectedSince = now;
    }
    Duration without = Duration.ofNanos(now - disconnectedSince);
    return without.compareTo(grace) > 0 ? without : null;
  }

  private @Nullable Metric connectionCount() {
    if (connections == null) {
      for (Map.Entry<MetricName, ? extends Metric> metric : metrics.get().entrySet()) {
        if (metric.getKey().name().equals(CONNECTION_COUNT)
            && metric.getKey().group().equals(group)) {
          connections = metric.getValue();
          break;
        }
      }
    }
    return connections;
  }
}
