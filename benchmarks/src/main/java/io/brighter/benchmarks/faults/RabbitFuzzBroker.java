package io.brighter.benchmarks.faults;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.brighter.messaging.HeaderNames;
import io.brighter.rabbitmq.RmqConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Scenario 6 on the loopback RabbitMQ, through the vendor's client: publishes to the matrix's
 * exchange with publisher confirms, reads the dead-letter queue {@code <queue>.dlq}, and asks
 * {@code rabbitmqctl} how many messages the queue still holds, ready or unacknowledged. Deletes
 * both queues when closed.
 */
final class RabbitFuzzBroker implements FuzzBroker {

  private final String topic;
  private final String deadLetterQueue;
  private final Connection connection;
  private final Channel publishing;
  private final Channel reading;
  private final Map<Integer, String> deadLetters = new HashMap<>();
  private long copies;

  RabbitFuzzBroker(String topic) throws Exception {
    this.topic = topic;
    this.deadLetterQueue = topic + ".dlq";
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(RmqConnection.LOCAL_URI);
    this.connection = factory.newConnection("brighter-faults-fuzz");
    this.publishing = connection.createChannel();
    publishing.confirmSelect();
    this.reading = connection.createChannel();
  }

  @Override
  public void publish(FuzzMessage message) throws Exception {
    Map<String, Object> headers = new LinkedHashMap<>();
    message.headers().forEach(header -> headers.put(header.name(), header.value()));
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder().headers(headers).deliveryMode(2).build();
    publishing.basicPublish(FaultSetup.EXCHANGE, topic, properties, message.body());
  }

  @Override
  public void flush() throws Exception {
    publishing.waitForConfirmsOrDie(TimeUnit.MINUTES.toMillis(1));
  }

  @Override
  public Map<Integer, String> deadLetters() throws Exception {
    for (GetResponse copy = reading.basicGet(deadLetterQueue, true);
        copy != null;
        copy = reading.basicGet(deadLetterQueue, true)) {
      copies++;
      Map<String, Object> headers = copy.getProps().getHeaders();
      if (headers != null && headers.get(FuzzMessages.SEQUENCE) != null) {
        deadLetters.put(
            Integer.valueOf(text(headers.get(FuzzMessages.SEQUENCE))),
            text(headers.get(HeaderNames.REJECTION_REASON)));
      }
    }
    return Map.copyOf(deadLetters);
  }

  @Override
  public long deadLetterCopies() {
    return copies;
  }

  @Override
  public long unsettled() throws Exception {
    Process process =
        new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "name", "messages")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("rabbitmqctl list_queues failed: " + output);
    }
    for (String line : output.split("\n")) {
      String[] columns = line.strip().split("\\s+");
      if (columns.length == 2 && columns[0].equals(topic)) {
        return Long.parseLong(columns[1]);
      }
    }
    throw new IllegalStateException("no queue " + topic + " in: " + output);
  }

  private static String text(@Nullable Object value) {
    return switch (value) {
      case null -> "";
      case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
      default -> value.toString();
    };
  }

  @Override
  public void close() throws IOException {
    try {
      reading.queueDelete(topic);
      reading.queueDelete(deadLetterQueue);
    } finally {
      connection.close();
    }
  }
}
