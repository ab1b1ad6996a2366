package io.brighter.benchmarks.rabbitmq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.RoutingKey;
import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqExchange;
import io.brighter.rabbitmq.RmqMessageConsumer;
import io.brighter.rabbitmq.RmqSubscription;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The loopback PostgreSQL ({@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres},
 * through a HikariCP pool) and RabbitMQ ({@code amqp://guest:guest@127.0.0.1:5672}) the harness
 * runs against, the event it sends (a 1 KiB JSON body), and the raw client's connection.
 */
final class Infrastructure {

  /** The exchange both sides publish to. */
  static final String EXCHANGE = "brighter.bench";

  /** A 960-character note, so that the event's JSON body is about 1 KiB. */
  static final String NOTE = "x".repeat(960);

  /** The event of every scenario. */
  record GreetingNoted(Id id, String name, String note) implements Event {}

  private Infrastructure() {}

  /** A pool of up to four connections, shared by every scenario of the run. */
  static DataSource postgres() {
    return POOL;
  }

  private static final DataSource POOL = pool();

  private static DataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
    config.setUsername("postgres");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  static RmqConnection rabbit() {
    return RmqConnection.builder()
        .uri(RmqConnection.LOCAL_URI)
        .exchange(RmqExchange.direct(EXCHANGE))
        .connectionName("brighter-bench")
        .build();
  }

  static GreetingNoted event(int n) {
    return new GreetingNoted(Id.random(), "greeting " + n, NOTE);
  }

  /** The event as the raw side's own JSON type: the id as text. */
  record RawGreeting(String id, String name, String note) {}

  /** The raw side's JSON mapper. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The event's JSON, as the raw side writes it: with Jackson, as Brighter's default mapper does.
   */
  static byte[] json(GreetingNoted event) {
    try {
      return MAPPER.writeValueAsBytes(
          new RawGreeting(event.id().value(), event.name(), event.note()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The event read back from {@code json}, as the raw side's handler gets it. */
  static RawGreeting read(byte[] json) {
    try {
      return MAPPER.readValue(json, RawGreeting.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Declares {@code queue} bound to {@code topic} as a Brighter subscription would, and empties it.
   */
  static void freshQueue(String topic, String queue) throws IOException, TimeoutException {
    new RmqMessageConsumer(
            rabbit(),
            RmqSubscription.DEFAULT,
            RoutingKey.of(topic),
            queue,
            1,
            RoutingKey.of(topic + ".dlq"),
            OnMissingChannel.CREATE)
        .close();
    try (Connection connection = rawConnection();
        Channel channel = connection.createChannel()) {
      channel.queuePurge(queue);
      channel.queuePurge(queue + ".dlq");
    }
  }

  static Connection rawConnection() throws IOException, TimeoutException {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setAutomaticRecoveryEnabled(false);
    return factory.newConnection("raw-bench");
  }

  static void execute(DataSource dataSource, String sql) throws SQLException {
    try (java.sql.Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
