package io.brighter.spring.boot;

import io.brighter.kafka.KafkaConfiguration;
import io.brighter.kafka.KafkaSubscription;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The Kafka transport from properties ({@link BrighterKafkaProperties}, {@code brighter.kafka.*},
 * and Spring Boot's {@code spring.kafka.*} for the cluster), when {@code brighter-kafka} is on the
 * class path: a {@link KafkaConfiguration} bean, and for each configured publication a producer
 * bean and for each subscription a {@code Subscription} bean, which the external bus and the
 * dispatcher take up as they take the application's own. An application's own {@link
 * KafkaConfiguration} bean replaces the one made here.
 */
@AutoConfiguration(
    before = {
      BrighterJdbcAutoConfiguration.class,
      BrighterOutboxAutoConfiguration.class,
      BrighterAutoConfiguration.class
    })
@ConditionalOnClass(KafkaConfiguration.class)
@EnableConfigurationProperties(BrighterKafkaProperties.class)
@Import(BrighterKafkaChannels.class)
public class BrighterKafkaAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterKafkaAutoConfiguration() {}

  /**
   * The cluster of {@code brighter.kafka.bootstrap-servers}, else of {@code
   * spring.kafka.bootstrap-servers}, with the client id and client properties of both ({@code
   * brighter.kafka.*} winning).
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public KafkaConfiguration brighterKafkaConfiguration(
      BrighterKafkaProperties properties, Environment environment) {
    Binder spring = Binder.get(environment);
    String bootstrapServers =
        properties.bootstrapServers() != null
            ? properties.bootstrapServers()
            : String.join(
                ",",
                spring
                    .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                    .orElse(List.of("localhost:9092")));
    String clientId =
        properties.clientId() != null
            ? properties.clientId()
            : environment.getProperty("spring.kafka.client-id", "brighter");
    Map<String, String> clientProperties = new HashMap<>();
    String securityProtocol = environment.getProperty("spring.kafka.security.protocol");
    if (securityProtocol != null) {
      clientProperties.put("security.protocol", securityProtocol);
    }
    clientProperties.putAll(
        spring
            .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of()));
    clientProperties.putAll(properties.properties());
    return new KafkaConfiguration(bootstrapServers, clientId, clientProperties);
  }

  /**
   * Where a new consumer group starts unless its subscription says: Spring Boot's {@code
   * spring.kafka.consumer.auto-offset-reset} when it is earliest or latest, else earliest.
   */
  static KafkaSubscription.OffsetReset defaultOffsetReset(Environment environment) {
    @Nullable String reset = environment.getProperty("spring.kafka.consumer.auto-offset-reset");
    return reset != null && reset.strip().toLowerCase(Locale.ROOT).equals("latest")
        ? KafkaSubscription.OffsetReset.LATEST
        : KafkaSubscription.OffsetReset.EARLIEST;
  }
}
