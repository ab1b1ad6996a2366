package io.brighter.benchmarks.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.benchmarks.Processors;
import io.brighter.benchmarks.rabbitmq.Infrastructure.GreetingNoted;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.rabbitmq.RmqMessageProducer;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * (d) Commit-to-broker-ack latency at a fixed rate: one event per tick is deposited in its own
 * PostgreSQL transaction and, after the commit, cleared to RabbitMQ; the latency is from the
 * commit's return to the broker's publisher confirm of that message. Brighter: {@code
 * depositPost(event, unitOfWork)}, commit, {@code clearOutbox(id)}; the confirm is seen by a
 * listener registered on the producer before the outbox mediator's. Raw: an insert, commit, a
 * publish, the confirm seen by the channel's confirm listener.
 */
final class LatencyScenario {

  private static final String TOPIC = RelayScenario.TOPIC;

  private final DataSource dataSource = Infrastructure.postgres();

  /** Latencies in microseconds, sorted. */
  long[] brighter(int perSecond, int count) throws Exception {
    Infrastructure.freshQueue(TOPIC, TOPIC);
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource)
            .withTableName("bench_outbox")
            .createTableIfMissing();
    Infrastructure.execute(dataSource, "TRUNCATE bench_outbox");
    Map<Id, Long> committedAt = new ConcurrentHashMap<>();
    long[] latencies = new long[count];
    int[] seen = new int[1];
    try (RmqMessageProducer producer =
        new RmqMessageProducer(
            Infrastructure.rabbit(),
            Publication.builder()
                .topic(RoutingKey.of(TOPIC))
                .requestType(GreetingNoted.class)
                .build())) {
      producer.onConfirmation(
          confirmation -> {
            long now = System.nanoTime();
            Long start = committedAt.remove(confirmation.messageId());
            if (start != null) {
              latencies[seen[0]++] = (now - start) / 1_000;
            }
          });
      CommandProcessor commandProcessor = Processors.sending(producer, outbox);
      long interval = 1_000_000_000L / perSecond;
      long next = System.nanoTime();
      for (int n = 0; n < count; n++) {
        pace(next);
        next += interval;
        JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
        Id id = commandProcessor.depositPost(Infrastructure.event(n), unitOfWork);
        unitOfWork.commit();
        committedAt.put(id, System.nanoTime());
        commandProcessor.clearOutbox(List.of(id));
      }
      while (!committedAt.isEmpty()) {
        LockSupport.parkNanos(RelayScenario.POLL_NANOS);
      }
    }
    return sorted(latencies);
  }

  /** Latencies in microseconds, sorted. */
  long[] raw(int perSecond, int count) throws Exception {
    Infrastructure.freshQueue(TOPIC, TOPIC);
    Infrastructure.execute(dataSource, "TRUNCATE bench_raw_outbox");
    Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    long[] latencies = new long[count];
    int[] seen = new int[1];
    try (Connection rabbit = Infrastructure.rawConnection();
        Channel channel = rabbit.createChannel();
        java.sql.Connection database = dataSource.getConnection()) {
      channel.confirmSelect();
      channel.addConfirmListener(
          (tag, multiple) -> {
            long now = System.nanoTime();
            for (Long key : committedAt.keySet()) {
              if (key == tag || (multiple && key < tag)) {
                Long start = committedAt.remove(key);
                if (start != null) {
                  latencies[seen[0]++] = (now - start) / 1_000;
                }
              }
            }
          },
          (tag, multiple) -> {});
      database.setAutoCommit(false);
      long interval = 1_000_000_000L / perSecond;
      long next = System.nanoTime();
      for (int n = 0; n < count; n++) {
        pace(next);
        next += interval;
        GreetingNoted event = Infrastructure.event(n);
        try (PreparedStatement insert =
            database.prepareStatement(
                "INSERT INTO bench_raw_outbox (id, topic, body) VALUES (?, ?, ?)")) {
          insert.setString(1, event.id().value());
          insert.setString(2, TOPIC);
          insert.setBytes(3, Infrastructure.json(event));
          insert.executeUpdate();
        }
        database.commit();
        long sequence = channel.getNextPublishSeqNo();
        committedAt.put(sequence, System.nanoTime());
        channel.basicPublish(
            Infrastructure.EXCHANGE,
            TOPIC,
            new AMQP.BasicProperties.Builder()
                .messageId(event.id().value())
                .contentType("application/json")
                .deliveryMode(2)
                .build(),
            Infrastructure.json(event));
      }
      while (!committedAt.isEmpty()) {
        LockSupport.parkNanos(RelayScenario.POLL_NANOS);
      }
    }
    return sorted(latencies);
  }

  private static void pace(long until) {
    long wait = until - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  private static long[] sorted(long[] latencies) {
    long[] copy = latencies.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** The value at {@code percentile} (0 to 100) of sorted {@code values}. */
  static long percentile(long[] values, double percentile) {
    int index = (int) Math.ceil(percentile / 100 * values.length) - 1;
    return values[Math.max(0, Math.min(values.length - 1, index))];
  }
}
