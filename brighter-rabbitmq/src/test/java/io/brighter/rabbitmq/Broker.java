package io.brighter.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback RabbitMQ the integration tests use: {@code brighter.rabbitmq.uri} (system property)
 * or {@code BRIGHTER_RABBITMQ_URI} (environment), else {@code amqp://guest:guest@127.0.0.1:5672}.
 * Tests publish to their own exchange and use fresh queue names, and delete the queues they made.
 */
final class Broker {

  static final String EXCHANGE = "brighter.test";

  private Broker() {}

  static URI uri() {
    String property = System.getProperty("brighter.rabbitmq.uri");
    if (property != null) {
      return URI.create(property);
    }
    String env = System.getenv("brighter.rabbitmq.uri".replace('.', '_').toUpperCase(Locale.ROOT));
    return env != null ? URI.create(env) : RmqConnection.LOCAL_URI;
  }

  /** Settings for the test broker with a fast retry, so a failing test fails quickly. */
  static RmqConnection connection() {
    return RmqConnection.builder()
        .uri(uri())
        .exchange(RmqExchange.direct(EXCHANGE))
        .retry(new RmqConnectionRetry(2, Duration.ofMillis(100), Duration.ofMillis(500)))
        .connectionName("brighter-test")
        .build();
  }

  /** Deletes the queues named, if they exist. */
  static void deleteQueues(Iterable<String> queues) {
    admin(
        channel -> {
          for (String queue : queues) {
            channel.queueDelete(queue);
          }
        });
  }

  /** How many messages are ready on {@code queue}. */
  static long ready(String queue) {
    long[] count = new long[1];
    admin(channel -> count[0] = channel.messageCount(queue));
    return count[0];
  }

  /**
   * Runs {@code rabbitmqctl <command>} (such as {@code stop_app} or {@code start_app}) and waits up
   * to a minute for it to finish.
   */
  static void rabbitmqctl(String command) {
    try {
      Process process =
          new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("rabbitmqctl " + command + " did not finish in 60 s");
      }
      String output = new String(process.getInputStream().readAllBytes());
      if (process.exitValue() != 0) {
        throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during rabbitmqctl " + command, e);
    }
  }

  /** Something to do on a fresh channel of a fresh connection. */
  interface Work {
    void run(Channel channel) throws IOException;
  }

  static void admin(Work work) {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(uri());
      try (Connection connection = factory.newConnection("brighter-test-admin");
          Channel channel = connection.createChannel()) {
        work.run(channel);
      }
    } catch (IOException | TimeoutException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("RabbitMQ admin step failed at " + uri(), e);
    }
  }
}
