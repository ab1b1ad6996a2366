package io.brighter.kafka;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * How to reach a Kafka cluster: the bootstrap servers, a client id prefix, and any further client
 * properties (security, SASL, TLS...) passed to every producer, consumer and admin client as they
 * are.
 *
 * {@snippet :
 * KafkaConfiguration kafka = KafkaConfiguration.of("broker-1:9092,broker-2:9092")
 *     .withClientId("greetings")
 *     .withProperty("security.protocol", "SASL_SSL")
 *     .withProperty("sasl.mechanism", "PLAIN");
 * }
 *
 * @param bootstrapServers {@code host:port} pairs, comma-separated
 * @param clientId the prefix of each client's {@code client.id}
 * @param properties further Kafka client properties
 */
public record KafkaConfiguration(
    String bootstrapServers, String clientId, Map<String, String> properties) {

  /** Numbers the clients of this process, so that no two share a {@code client.id}. */
  private static final AtomicLong CLIENTS = new AtomicLong();

  /** Checks the parts and copies the properties. */
  public KafkaConfiguration {
    Settings.required(bootstrapServers, "KafkaConfiguration.bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new ConfigurationException("KafkaConfiguration.bootstrapServers may not be blank");
    }
    Settings.required(clientId, "KafkaConfiguration.clientId");
    properties = Map.copyOf(requireNonNull(properties, "KafkaConfiguration.properties"));
  }

  /** The cluster at {@code bootstrapServers}, client id {@code brighter}, no further properties. */
  public static KafkaConfiguration of(String bootstrapServers) {
    return new KafkaConfiguration(bootstrapServers, "brighter", Map.of());
  }

  /**
   * The configuration with the values of secret properties masked (those Kafka types as passwords,
   * such as {@code ssl.key.password}, and any whose name speaks of a password, secret, token,
   * credentials or JAAS configuration), so that logging it leaks no secret.
   */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    properties.forEach((key, value) -> shown.put(key, secret(key) ? "***" : value));
    return "KafkaConfiguration[bootstrapServers="
        + bootstrapServers
        + ", clientId="
        + clientId
        + ", properties="
        + shown
        + "]";
  }

  private static boolean secret(String key) {
    for (ConfigDef definitions :
        List.of(
            ProducerConfig.configDef(),
            ConsumerConfig.configDef(),
            AdminClientConfig.configDef())) {
      ConfigDef.ConfigKey known = definitions.configKeys().get(key);
      if (known != null && known.type == ConfigDef.Type.PASSWORD) {
        return true;
      }
    }
    String name = key.toLowerCase(Locale.ROOT);
    return Stream.of("password", "secret", "token", "credential", "jaas").anyMatch(name::contains);
  }

  /** This configuration with {@code value} as the client id prefix. */
  public KafkaConfiguration withClientId(String value) {
    return new KafkaConfiguration(bootstrapServers, value, properties);
  }

  /** This configuration with one more client property (or a replaced one). */
  public KafkaConfiguration withProperty(String key, String value) {
    Map<String, String> more = new HashMap<>(properties);
    more.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return new KafkaConfiguration(bootstrapServers, clientId, more);
  }

  /**
   * The properties every client gets, with {@code client.id} set to the prefix, {@code role} and a
   * number unique in the process.
   */
  Map<String, Object> clientProperties(String role) {
    Map<String, Object> props = new HashMap<>(properties);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(
        CommonClientConfigs.CLIENT_ID_CONFIG,
        clientId + "-" + role + "-" + CLIENTS.incrementAndGet());
    return props;
  }
}
