package io.brighter.kafka;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Where a test broker listens: what tests need to reach the broker, whether it runs in this JVM or
 * in a process shared by the whole run.
 *
 * @param bootstrapServers {@code host:port} of the broker's listener
 */
public record KafkaBrokerEndpoint(String bootstrapServers) {

  /** A configuration that reaches this broker. */
  public KafkaConfiguration configuration() {
    return KafkaConfiguration.of(bootstrapServers).withClientId("brighter-test");
  }

  /** Admin client properties for this broker. */
  public Map<String, Object> adminProperties() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }
}
