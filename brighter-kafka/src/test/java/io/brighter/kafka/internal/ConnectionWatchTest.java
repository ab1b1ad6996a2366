package io.brighter.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class ConnectionWatchTest {

  private final AtomicLong connections = new AtomicLong(1);
  private final AtomicLong now = new AtomicLong();

  private final Metric connectionCount =
      new Metric() {
        @Override
        public MetricName metricName() {
          return new MetricName("connection-count", "consumer-metrics", "", Map.of());
        }

        @Override
        public Object metricValue() {
          return (double) connections.get();
        }
      };

  private final ConnectionWatch watch =
      new ConnectionWatch(
          () -> Map.of(connectionCount.metricName(), connectionCount),
          "consumer-metrics",
          Duration.ofSeconds(5),
          now::get);

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  void aConnectedClientIsNeverReported() {
    advance(Duration.ofMinutes(1));
    assertThat(watch.check()).isNull();
  }

  @Test
  void aClientWithoutAConnectionIsReportedOnlyAfterTheGracePeriod() {
    connections.set(0);
    assertThat(watch.check()).isNull();
    advance(Duration.ofSeconds(5));
    assertThat(watch.check()).isNull();
    advance(Duration.ofSeconds(1));
    assertThat(watch.check()).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void aConnectionRegainedEndsTheOutageAndTheNextOneIsTimedAfresh() {
    connections.set(0);
    watch.check();
    advance(Duration.ofSeconds(10));
    assertThat(watch.check()).isNotNull();

    connections.set(2);
    assertThat(watch.check()).isNull();

    connections.set(0);
    advance(Duration.ofSeconds(1));
    assertThat(watch.check()).isNull();
  }

  @Test
  void aClientThatDoesNotReportTheMetricIsNeverReported() {
    ConnectionWatch other =
        new ConnectionWatch(
            () -> Map.of(connectionCount.metricName(), connectionCount),
            "producer-metrics",
            Duration.ZERO,
            now::get);
    connections.set(0);
    advance(Duration.ofSeconds(1));
    assertThat(other.check()).isNull();
  }
}
