package io.brighter.benchmarks.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.benchmarks.Processors;
import io.brighter.benchmarks.rabbitmq.Infrastructure.GreetingNoted;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.rabbitmq.RmqMessageProducer;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * (a) The outbox relay: {@code messages} events deposited in batches in a PostgreSQL transaction,
 * then sent to RabbitMQ with publisher confirms and marked dispatched once confirmed. Brighter:
 * {@code depositPost(batch, unitOfWork)}, commit, {@code clearOutbox(ids)} through a {@link
 * JdbcOutbox} and an {@link RmqMessageProducer}, until no message is outstanding. Raw: the event
 * written as JSON with Jackson, a JDBC batch insert, commit, a publish per row with streaming
 * confirms, and a batch update of the rows confirmed so far, until every row is marked.
 */
final class RelayScenario {

  static final String TOPIC = "bench.relay";
  private static final String QUEUE = "bench.relay";
  private static final String RAW_TABLE = "bench_raw_outbox";

  /** How long both sides wait between checks for the last confirms: no busy spinning. */
  static final long POLL_NANOS = 2_000_000;

  private final DataSource dataSource = Infrastructure.postgres();
  private final int batchSize;

  RelayScenario(int batchSize) {
    this.batchSize = batchSize;
  }

  /** Messages per second through Brighter's outbox relay. */
  double brighter(int messages) throws Exception {
    Infrastructure.freshQueue(TOPIC, QUEUE);
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource)
            .withTableName("bench_outbox")
            .createTableIfMissing();
    Infrastructure.execute(dataSource, "TRUNCATE bench_outbox");
    try (RmqMessageProducer producer =
        new RmqMessageProducer(
            Infrastructure.rabbit(),
            Publication.builder()
                .topic(RoutingKey.of(TOPIC))
                .requestType(GreetingNoted.class)
                .build())) {
      CommandProcessor commandProcessor = Processors.sending(producer, outbox);
      long start = System.nanoTime();
      for (int sent = 0; sent < messages; sent += batchSize) {
        List<GreetingNoted> batch = new ArrayList<>(batchSize);
        for (int n = 0; n < batchSize; n++) {
          batch.add(Infrastructure.event(sent + n));
        }
        JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
        List<Id> ids = commandProcessor.depositPost(batch, unitOfWork);
        unitOfWork.commit();
        commandProcessor.clearOutbox(ids);
      }
      while (outbox.outstandingCount() > 0) {
        LockSupport.parkNanos(POLL_NANOS);
      }
      return rate(messages, start);
    }
  }

  /** How the raw loop makes the AMQP properties of an event. */
  @FunctionalInterface
  private interface Properties {
    AMQP.BasicProperties of(GreetingNoted event);
  }

  /** The raw loop's own properties: a message id, the content type, persistent. */
  private static final Properties PLAIN =
      event ->
          new AMQP.BasicProperties.Builder()
              .messageId(event.id().value())
              .contentType("application/json")
              .deliveryMode(2)
              .build();

  /** Messages per second through the raw loop doing the same work, on a minimal table. */
  double raw(int messages) throws Exception {
    return rawOnMinimalTable(messages, PLAIN, false);
  }

  /**
   * As {@link #raw}, but each publish carries the properties and headers Brighter writes (those of
   * a message an {@link RmqMessageProducer} published, with the event's id) and is mandatory, as
   * Brighter publishes: the floor of any relay that keeps Brighter's wire format.
   */
  double rawWithBrighterWireFormat(int messages) throws Exception {
    AMQP.BasicProperties template = brighterProperties();
    Properties wire =
        event -> {
          Map<String, Object> headers = new HashMap<>(template.getHeaders());
          headers.put("MessageId", event.id().value());
          headers.put("cloudEvents_id", event.id().value());
          return template.builder().messageId(event.id().value()).headers(headers).build();
        };
    return rawOnMinimalTable(messages, wire, true);
  }

  /** The properties of a message Brighter published, read back from a queue of its own. */
  private static AMQP.BasicProperties brighterProperties() throws Exception {
    String topic = TOPIC + ".template";
    Infrastructure.freshQueue(topic, topic);
    Publication publication =
        Publication.builder().topic(RoutingKey.of(topic)).requestType(GreetingNoted.class).build();
    try (RmqMessageProducer producer =
        new RmqMessageProducer(Infrastructure.rabbit(), publication)) {
      producer.send(
          new MessagePipeline(new MessageMapperRegistry())
              .wrap(Infrastructure.event(0), publication, new RequestContext()));
    }
    try (Connection rabbit = Infrastructure.rawConnection();
        Channel channel = rabbit.createChannel()) {
      for (int attempt = 0; attempt < 100; attempt++) {
        GetResponse response = channel.basicGet(topic, true);
        if (response != null) {
          return response.getProps();
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    }
    throw new IllegalStateException("the template message did not arrive");
  }

  private double rawOnMinimalTable(int messages, Properties properties, boolean mandatory)
      throws Exception {
    Infrastructure.execute(
        dataSource,
        "CREATE TABLE IF NOT EXISTS "
            + RAW_TABLE
            + " (id VARCHAR(64) PRIMARY KEY, topic VARCHAR(255) NOT NULL, body BYTEA NOT NULL,"
            + " dispatched TIMESTAMPTZ NULL)");
    return raw(
        messages,
        RAW_TABLE,
        "INSERT INTO " + RAW_TABLE + " (id, topic, body) VALUES (?, ?, ?)",
        "UPDATE " + RAW_TABLE + " SET dispatched = now() WHERE id = ANY (?)",
        properties,
        mandatory);
  }

  /**
   * Messages per second through the raw loop on a table made by Brighter's {@link JdbcOutbox}, with
   * its columns and indexes: the floor of any relay on that table.
   */
  double rawOnOutboxTable(int messages) throws Exception {
    String table =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource)
            .withTableName("bench_floor_outbox")
            .createTableIfMissing()
            .tableName();
    return raw(
        messages,
        table,
        "INSERT INTO " + table + " (MessageId, Topic, Body, Timestamp) VALUES (?, ?, ?, now())",
        "UPDATE " + table + " SET Dispatched = now() WHERE MessageId = ANY (?)",
        PLAIN,
        false);
  }

  private double raw(
      int messages,
      String table,
      String insertSql,
      String markSql,
      Properties properties,
      boolean mandatory)
      throws Exception {
    Infrastructure.freshQueue(TOPIC, QUEUE);
    Infrastructure.execute(dataSource, "TRUNCATE " + table);
    ConcurrentNavigableMap<Long, String> unconfirmed = new ConcurrentSkipListMap<>();
    ConcurrentLinkedQueue<String> confirmed = new ConcurrentLinkedQueue<>();
    try (Connection rabbit = Infrastructure.rawConnection();
        Channel channel = rabbit.createChannel();
        java.sql.Connection database = dataSource.getConnection()) {
      channel.confirmSelect();
      channel.addConfirmListener(
          (tag, multiple) -> settle(unconfirmed, confirmed, tag, multiple),
          (tag, multiple) -> settle(unconfirmed, new ConcurrentLinkedQueue<>(), tag, multiple));
      database.setAutoCommit(false);
      long start = System.nanoTime();
      int marked = 0;
      for (int sent = 0; sent < messages; sent += batchSize) {
        List<GreetingNoted> batch = new ArrayList<>(batchSize);
        try (PreparedStatement insert = database.prepareStatement(insertSql)) {
          for (int n = 0; n < batchSize; n++) {
            GreetingNoted event = Infrastructure.event(sent + n);
            batch.add(event);
            insert.setString(1, event.id().value());
            insert.setString(2, TOPIC);
            insert.setBytes(3, Infrastructure.json(event));
            insert.addBatch();
          }
          insert.executeBatch();
        }
        database.commit();
        for (GreetingNoted event : batch) {
          unconfirmed.put(channel.getNextPublishSeqNo(), event.id().value());
          channel.basicPublish(
              Infrastructure.EXCHANGE,
              TOPIC,
              mandatory,
              properties.of(event),
              Infrastructure.json(event));
        }
        marked += markDispatched(database, markSql, confirmed);
      }
      while (marked < messages) {
        int more = markDispatched(database, markSql, confirmed);
        if (more == 0) {
          LockSupport.parkNanos(POLL_NANOS);
        }
        marked += more;
      }
      return rate(messages, start);
    }
  }

  private static void settle(
      ConcurrentNavigableMap<Long, String> unconfirmed,
      ConcurrentLinkedQueue<String> into,
      long tag,
      boolean multiple) {
    if (multiple) {
      ConcurrentNavigableMap<Long, String> upTo = unconfirmed.headMap(tag, true);
      into.addAll(upTo.values());
      upTo.clear();
    } else {
      String id = unconfirmed.remove(tag);
      if (id != null) {
        into.add(id);
      }
    }
  }

  /** Marks the rows confirmed so far dispatched in one update; how many. */
  private static int markDispatched(
      java.sql.Connection database, String markSql, ConcurrentLinkedQueue<String> ids)
      throws java.sql.SQLException {
    List<String> drained = new ArrayList<>();
    for (String id = ids.poll(); id != null; id = ids.poll()) {
      drained.add(id);
    }
    if (drained.isEmpty()) {
      return 0;
    }
    try (PreparedStatement update = database.prepareStatement(markSql)) {
      Array array = database.createArrayOf("varchar", drained.toArray());
      update.setArray(1, array);
      update.executeUpdate();
    }
    database.commit();
    return drained.size();
  }

  static double rate(int messages, long startNanos) {
    return messages / ((System.nanoTime() - startNanos) / 1e9);
  }
}
