package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The probe tells a cluster that answers from an address where none does, within its timeout. */
class KafkaClusterProbeIT {

  @Test
  void aRunningBrokerIsReachableWithItsClusterIdAndBrokers() {
    try (KafkaClusterProbe probe =
        new KafkaClusterProbe(EmbeddedKafkaBroker.shared().configuration())) {
      KafkaClusterProbe.Result result = probe.probe(Duration.ofSeconds(5));

      assertThat(result.reachable()).isTrue();
      assertThat(result.clusterId()).isNotBlank();
      assertThat(result.brokers()).isEqualTo(1);
      assertThat(result.error()).isNull();
    }
  }

  @Test
  void anAddressThatDoesNotResolveIsUnreachable() {
    try (KafkaClusterProbe probe =
        new KafkaClusterProbe(KafkaConfiguration.of("kafka-1.invalid:9092"))) {
      KafkaClusterProbe.Result result = probe.probe(Duration.ofMillis(500));

      assertThat(result.reachable()).isFalse();
      assertThat(result.error()).contains("bootstrap");
    }
  }

  @Test
  void anAddressWithoutABrokerIsUnreachableWithinTheTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (KafkaClusterProbe probe =
        new KafkaClusterProbe(KafkaConfiguration.of("127.0.0.1:" + closedPort))) {
      long start = System.nanoTime();
      KafkaClusterProbe.Result result = probe.probe(Duration.ofMillis(500));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(result.reachable()).isFalse();
      assertThat(result.error()).isNotBlank();
      assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
  }
}
