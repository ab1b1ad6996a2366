package io.brighter.spring.boot;

import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqConnectionRetry;
import io.brighter.rabbitmq.RmqExchange;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The RabbitMQ transport from properties ({@link BrighterRabbitMqProperties}, {@code
 * brighter.rabbitmq.*}, and Spring Boot's {@code spring.rabbitmq.*} for the broker), when {@code
 * brighter-rabbitmq} is on the class path: an {@link RmqConnection} bean, made when first needed,
 * and for each configured publication a producer bean and for each subscription a {@code
 * Subscription} bean, which the external bus and the dispatcher take up as they take the
 * application's own. An application's own {@link RmqConnection} bean replaces the one made here.
 */
@AutoConfiguration(
    before = {
      BrighterJdbcAutoConfiguration.class,
      BrighterOutboxAutoConfiguration.class,
      BrighterAutoConfiguration.class
    })
@ConditionalOnClass(RmqConnection.class)
@EnableConfigurationProperties(BrighterRabbitMqProperties.class)
@Import(BrighterRabbitMqChannels.class)
public class BrighterRabbitMqAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterRabbitMqAutoConfiguration() {}

  /**
   * The connection to the broker of {@code brighter.rabbitmq.uri}, else of {@code
   * spring.rabbitmq.*}, on the exchange of {@code brighter.rabbitmq}.
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public RmqConnection brighterRmqConnection(
      BrighterRabbitMqProperties properties, Environment environment) {
    RmqConnection.Builder connection =
        RmqConnection.builder()
            .uri(properties.uri() != null ? properties.uri() : springRabbitUri(environment))
            .exchange(
                properties.exchangeType() == BrighterRabbitMqProperties.ExchangeType.TOPIC
                    ? RmqExchange.topic(properties.exchange())
                    : RmqExchange.direct(properties.exchange()));
    if (properties.deadLetterExchange() != null) {
      connection.deadLetterExchange(RmqExchange.direct(properties.deadLetterExchange()));
    }
    BrighterRabbitMqProperties.ConnectionRetry retry = properties.connectionRetry();
    connection.retry(
        new RmqConnectionRetry(retry.retryCount(), retry.retryWait(), retry.circuitBreakTime()));
    if (properties.connectionName() != null) {
      connection.connectionName(properties.connectionName());
    }
    return connection.build();
  }

  /**
   * The broker Spring Boot's {@code spring.rabbitmq.*} names, with Boot's defaults: the first of
   * {@code addresses}, else {@code host} and {@code port} ({@code localhost}, 5672, or 5671 with
   * {@code ssl.enabled}), {@code username} and {@code password} ({@code guest}), {@code
   * virtual-host} ({@code /}).
   */
  static URI springRabbitUri(Environment environment) {
    boolean tls = environment.getProperty("spring.rabbitmq.ssl.enabled", Boolean.class, false);
    String username = environment.getProperty("spring.rabbitmq.username", "guest");
    String password = environment.getProperty("spring.rabbitmq.password", "guest");
    String virtualHost = environment.getProperty("spring.rabbitmq.virtual-host", "/");
    String host = environment.getProperty("spring.rabbitmq.host", "localhost");
    int port = environment.getProperty("spring.rabbitmq.port", Integer.class, tls ? 5671 : 5672);
    String addresses = environment.getProperty("spring.rabbitmq.addresses");
    if (addresses != null && !addresses.isBlank()) {
      String first = addresses.split(",")[0].strip();
      if (first.startsWith("amqp://") || first.startsWith("amqps://")) {
        return URI.create(first);
      }
      int colon = first.lastIndexOf(':');
      host = colon < 0 ? first : first.substring(0, colon);
      port = colon < 0 ? port : Integer.parseInt(first.substring(colon + 1));
    }
    return URI.create(
        (tls ? "amqps" : "amqp")
            + "://"
            + encode(username)
            + ":"
            + encode(password)
            + "@"
            + host
            + ":"
            + port
            + "/"
            + encode(virtualHost));
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
