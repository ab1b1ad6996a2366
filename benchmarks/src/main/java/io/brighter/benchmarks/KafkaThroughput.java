package io.brighter.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.jdbc.SqlDialect;
import io.brighter.kafka.EmbeddedKafkaBroker;
import io.brighter.kafka.KafkaChannelFactory;
import io.brighter.kafka.KafkaConfiguration;
import io.brighter.kafka.KafkaMessageConsumer;
import io.brighter.kafka.KafkaMessageProducer;
import io.brighter.kafka.KafkaPublication;
import io.brighter.kafka.KafkaSubscription;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Kafka transport measured beside a raw kafka-clients loop doing the same work, in one run on
 * one embedded broker: (b) the outbox relay from PostgreSQL to Kafka, (c) consuming to a no-op
 * handler with commits, and (d) the latency from an outbox commit to the broker's acknowledgement
 * at a fixed rate. A plain main class: {@code java -cp benchmarks/target/benchmarks.jar
 * io.brighter.benchmarks.KafkaThroughput}. Needs PostgreSQL on 127.0.0.1:5432 (database {@code
 * test}, user {@code postgres}).
 */
public final class KafkaThroughput {

  /** The command carried by every message. */
  public record AddGreeting(Id id, String name) implements Command {}

  /** Counts messages down, and nothing else. */
  public static final class CountingHandler extends RequestHandler<AddGreeting> {
    static volatile CountDownLatch latch = new CountDownLatch(0);
    static final AtomicLong FIRST = new AtomicLong();

    @Override
    public AddGreeting handle(AddGreeting command) {
      FIRST.compareAndSet(0, System.nanoTime());
      latch.countDown();
      return super.handle(command);
    }
  }

  private static final int RELAY_MESSAGES = 5_000;
  private static final int RELAY_ROUNDS = 5;
  private static final int CONSUME_MESSAGES = 300_000;
  private static final int CONSUME_ROUNDS = 5;
  private static final int BATCH = 10;
  private static final int LATENCY_RATE = 200;
  private static final int LATENCY_SAMPLES = 2_000;
  private static final String RAW_TABLE = "raw_outbox";

  private KafkaThroughput() {}

  /**
   * Runs the shapes named in {@code args} ({@code relay}, {@code consume}, {@code latency}; all by
   * default) and prints a table.
   */
  public static void main(String[] args) throws Exception {
    try (HikariDataSource postgres = postgres();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of("target"))) {
      KafkaConfiguration kafka = broker.configuration();
      createRawTable(postgres);
      JdbcOutbox outbox =
          JdbcOutbox.forDialect(SqlDialect.POSTGRES, postgres)
              .withTableName("bench_outbox")
              .createTableIfMissing();
      truncate(postgres, RAW_TABLE, outbox.tableName()); // each run starts from empty tables
      List<String> shapes =
          args.length == 0 ? List.of("relay", "consume", "latency") : List.of(args);
      System.out.printf(
          "%n| shape | Brighter | raw kafka-clients | Brighter / raw |%n|---|---|---|---|%n");
      if (shapes.contains("relay")) {
        for (int warmUp = 0; warmUp < 2; warmUp++) {
          relayBrighter(kafka, outbox, postgres, RELAY_MESSAGES);
          relayRaw(kafka, postgres, RELAY_MESSAGES, RawTable.MINIMAL);
        }
        RawTable floor = RawTable.outbox(floorTable(postgres));
        double[] brighterRelay = new double[RELAY_ROUNDS];
        double[] rawRelay = new double[RELAY_ROUNDS];
        double[] floorRelay = new double[RELAY_ROUNDS];
        for (int round = 0; round < RELAY_ROUNDS; round++) { // interleaved, so drift hits all
          brighterRelay[round] = relayBrighter(kafka, outbox, postgres, RELAY_MESSAGES);
          rawRelay[round] = relayRaw(kafka, postgres, RELAY_MESSAGES, RawTable.MINIMAL);
          floorRelay[round] = relayRaw(kafka, postgres, RELAY_MESSAGES, floor);
        }
        row(
            "(b) outbox relay PostgreSQL -> Kafka, msg/s, median of " + RELAY_ROUNDS,
            HarnessArgs.median(brighterRelay),
            HarnessArgs.median(rawRelay));
        row(
            "(b') the raw loop on Brighter's outbox table (its columns and indexes), msg/s",
            HarnessArgs.median(floorRelay),
            HarnessArgs.median(rawRelay));
      }
      if (shapes.contains("consume")) {
        consume(kafka);
      }
      if (shapes.contains("latency")) {
        long[] brighterLatency = latencyBrighter(kafka, outbox, postgres);
        long[] rawLatency = latencyRaw(kafka, postgres);
        System.out.printf(
            "| (d) commit-to-ack latency at %d msg/s, p50 / p99 ms | %.2f / %.2f | %.2f / %.2f |"
                + " |%n",
            LATENCY_RATE,
            percentile(brighterLatency, 50),
            percentile(brighterLatency, 99),
            percentile(rawLatency, 50),
            percentile(rawLatency, 99));
      }
    }
  }

  /**
   * Interleaved rounds of each consumer over one filled topic, after a warm-up; medians count. The
   * floor is the raw loop that also reads every header's name and value, as any consumer of these
   * messages must to learn their id and type: the Kafka client decodes header names and copies
   * values only when asked, so the plain raw loop, which never asks, does less than any consumer
   * that reads Brighter's (or .NET Brighter's) fourteen headers can.
   */
  private static void consume(KafkaConfiguration kafka) throws Exception {
    String topic = fill(kafka, CONSUME_MESSAGES);
    consumeRaw(kafka, topic, 10_000, false);
    consumeRaw(kafka, topic, 10_000, true);
    consumeTransport(kafka, topic, 10_000);
    consumeBrighter(kafka, topic, 10_000);
    double[] raw = new double[CONSUME_ROUNDS];
    double[] floor = new double[CONSUME_ROUNDS];
    double[] transport = new double[CONSUME_ROUNDS];
    double[] brighter = new double[CONSUME_ROUNDS];
    for (int round = 0; round < CONSUME_ROUNDS; round++) {
      raw[round] = consumeRaw(kafka, topic, CONSUME_MESSAGES, false);
      floor[round] = consumeRaw(kafka, topic, CONSUME_MESSAGES, true);
      transport[round] = consumeTransport(kafka, topic, CONSUME_MESSAGES);
      brighter[round] = consumeBrighter(kafka, topic, CONSUME_MESSAGES);
    }
    String rounds = ", median of " + CONSUME_ROUNDS;
    row(
        "(c) consume -> no-op -> commit: KafkaMessageConsumer loop, msg/s" + rounds,
        HarnessArgs.median(transport),
        HarnessArgs.median(raw));
    row(
        "(c) the same through a Dispatcher (map JSON, handler pipeline), msg/s" + rounds,
        HarnessArgs.median(brighter),
        HarnessArgs.median(raw));
    row(
        "(c') the raw loop reading every header's name and value, msg/s" + rounds,
        HarnessArgs.median(floor),
        HarnessArgs.median(raw));
  }

  /** Deposits {@code count} messages in one transaction, clears them, waits until dispatched. */
  private static double relayBrighter(
      KafkaConfiguration kafka, JdbcOutbox outbox, DataSource postgres, int count)
      throws Exception {
    RoutingKey topic = RoutingKey.of("relay-" + Id.random());
    try (KafkaMessageProducer producer = producer(kafka, topic)) {
      CommandProcessor processor = processor(producer, outbox);
      producer.sendAsync(greetingMessage(topic)).get(); // provisions the topic outside the clock
      // registered after the outbox's own listener, which runs first and marks dispatched
      CountDownLatch dispatched = new CountDownLatch(count);
      producer.onConfirmation(confirmation -> dispatched.countDown());
      List<AddGreeting> greetings = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        greetings.add(new AddGreeting(Id.random(), "Ada " + n));
      }
      long start = System.nanoTime();
      JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(postgres);
      List<Id> ids = processor.depositPost(greetings, unitOfWork);
      unitOfWork.commit();
      processor.clearOutbox(ids);
      await(dispatched);
      while (outbox.outstandingCount() > 0) { // until marked dispatched, as the raw loop does
        TimeUnit.MILLISECONDS.sleep(1);
      }
      return count / seconds(start);
    }
  }

  /**
   * Where the raw relay keeps its rows: a minimal table (id, topic, body, dispatched), or a table
   * made by Brighter's {@link JdbcOutbox}, with its columns and indexes: the floor any relay on
   * that table has.
   */
  private record RawTable(String insert, String selectOutstanding, String markDispatched) {
    static final RawTable MINIMAL =
        new RawTable(
            "INSERT INTO " + RAW_TABLE + " (id, topic, body) VALUES (?, ?, ?)",
            "SELECT id, body FROM " + RAW_TABLE + " WHERE dispatched IS NULL AND topic = ?",
            "UPDATE " + RAW_TABLE + " SET dispatched = now() WHERE id = ?");

    static RawTable outbox(String table) {
      return new RawTable(
          "INSERT INTO "
              + table
              + " (MessageId, Topic, Body, Timestamp) VALUES (?, ?, convert_to(?, 'UTF8'), now())",
          "SELECT MessageId, convert_from(Body, 'UTF8') FROM "
              + table
              + " WHERE Dispatched IS NULL AND Topic = ?",
          "UPDATE " + table + " SET Dispatched = now() WHERE MessageId = ?");
    }
  }

  /** An empty table made by {@link JdbcOutbox}, for the raw loop's floor. */
  private static String floorTable(DataSource postgres) throws SQLException {
    JdbcOutbox table =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, postgres)
            .withTableName("floor_outbox")
            .createTableIfMissing();
    truncate(postgres, table.tableName());
    return table.tableName();
  }

  /** The same work by hand: batch insert, send with delivery callbacks, batch update. */
  private static double relayRaw(
      KafkaConfiguration kafka, DataSource postgres, int count, RawTable table) throws Exception {
    String topic = "relay-raw-" + Id.random();
    try (KafkaProducer<String, byte[]> producer = rawProducer(kafka)) {
      createTopic(kafka, topic);
      producer.send(new ProducerRecord<>(topic, "warm", new byte[1])).get();
      long start = System.nanoTime();
      List<String> ids = new ArrayList<>();
      try (Connection connection = postgres.getConnection()) {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
          for (int n = 0; n < count; n++) {
            String id = Id.random().value();
            ids.add(id);
            insert.setString(1, id);
            insert.setString(2, topic);
            insert.setString(3, "{\"name\":\"Ada " + n + "\"}");
            insert.addBatch();
          }
          insert.executeBatch();
        }
        connection.commit();
      }
      List<String> sent = new ArrayList<>(count);
      Map<String, byte[]> bodies = new ConcurrentHashMap<>();
      try (Connection connection = postgres.getConnection();
          PreparedStatement select = connection.prepareStatement(table.selectOutstanding())) {
        select.setString(1, topic);
        try (var rows = select.executeQuery()) {
          while (rows.next()) {
            bodies.put(rows.getString(1), rows.getString(2).getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      CountDownLatch acked = new CountDownLatch(bodies.size());
      List<String> delivered = java.util.Collections.synchronizedList(sent);
      bodies.forEach(
          (id, body) ->
              producer.send(
                  new ProducerRecord<>(topic, id, body),
                  (metadata, failure) -> {
                    if (failure == null) {
                      delivered.add(id);
                    }
                    acked.countDown();
                  }));
      await(acked);
      try (Connection connection = postgres.getConnection();
          PreparedStatement update = connection.prepareStatement(table.markDispatched())) {
        connection.setAutoCommit(false);
        for (String id : delivered) {
          update.setString(1, id);
          update.addBatch();
        }
        update.executeBatch();
        connection.commit();
      }
      return count / seconds(start);
    }
  }

  /** A dispatcher with one Reactor pump, buffer 10, a no-op handler, until all are handled. */
  private static double consumeBrighter(KafkaConfiguration kafka, String topic, int count)
      throws Exception {
    CountingHandler.latch = new CountDownLatch(count);
    CountingHandler.FIRST.set(0);
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(AddGreeting.class, CountingHandler.class),
                new SimpleHandlerFactory())
            .build();
    Subscription subscription =
        Subscription.builder()
            .name("bench")
            .channelName("bench-" + Id.random())
            .routingKey(RoutingKey.of(topic))
            .requestType(AddGreeting.class)
            .bufferSize(BATCH)
            .timeout(Duration.ofMillis(100))
            .emptyChannelDelay(Duration.ofMillis(1))
            .channelFactory(
                new KafkaChannelFactory(
                    kafka, KafkaSubscription.DEFAULT.withCommitBatchSize(BATCH)))
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(processor)
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(subscription))
            .build();
    dispatcher.start();
    await(CountingHandler.latch);
    double rate = count / seconds(CountingHandler.FIRST.get()); // from the first message
    dispatcher.stop();
    return rate;
  }

  /** The transport alone: receive 10, a no-op for each, acknowledge each (commit every 10). */
  private static double consumeTransport(KafkaConfiguration kafka, String topic, int count) {
    Subscription subscription =
        Subscription.builder()
            .name("bench")
            .channelName("transport-" + Id.random())
            .routingKey(RoutingKey.of(topic))
            .requestType(AddGreeting.class)
            .bufferSize(BATCH)
            .channelFactory(new KafkaChannelFactory(kafka))
            .build();
    KafkaSubscription settings = KafkaSubscription.DEFAULT.withCommitBatchSize(BATCH);
    try (KafkaMessageConsumer consumer = new KafkaMessageConsumer(kafka, subscription, settings)) {
      int read = 0;
      AtomicLong sink = new AtomicLong();
      long start = 0;
      while (read < count) {
        List<Message> batch = consumer.receive(Duration.ofMillis(100));
        if (start == 0 && !batch.isEmpty()) {
          start = System.nanoTime(); // from the first message: the group join is not measured
        }
        for (Message message : batch) {
          sink.addAndGet(message.body().size());
          consumer.acknowledge(message);
          read++;
        }
      }
      return count / seconds(start);
    }
  }

  /**
   * A raw consumer: poll 10, count each (and, with {@code readHeaders}, read each header's name and
   * value), commit every 10, until all are read.
   */
  private static double consumeRaw(
      KafkaConfiguration kafka, String topic, int count, boolean readHeaders) {
    Map<String, Object> props = new java.util.HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + Id.random());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      int read = 0;
      AtomicLong sink = new AtomicLong();
      long start = 0;
      while (read < count) {
        var batch = consumer.poll(Duration.ofMillis(100));
        if (start == 0 && !batch.isEmpty()) {
          start = System.nanoTime(); // from the first record: the group join is not measured
        }
        for (ConsumerRecord<String, byte[]> record : batch) {
          sink.addAndGet(record.value().length);
          if (readHeaders) {
            for (Header header : record.headers()) {
              sink.addAndGet(header.key().length() + header.value().length);
            }
          }
          read++;
        }
        consumer.commitAsync();
      }
      return count / seconds(start);
    }
  }

  /** At a fixed rate: deposit one message and commit, clear it; time from commit to its ack. */
  private static long[] latencyBrighter(
      KafkaConfiguration kafka, JdbcOutbox outbox, DataSource postgres) throws Exception {
    RoutingKey topic = RoutingKey.of("latency-" + Id.random());
    try (KafkaMessageProducer producer = producer(kafka, topic)) {
      Map<Id, Long> committedAt = new ConcurrentHashMap<>();
      long[] latencies = new long[LATENCY_SAMPLES];
      CountDownLatch done = new CountDownLatch(LATENCY_SAMPLES);
      AtomicLong next = new AtomicLong();
      producer.onConfirmation(
          confirmation -> {
            Long at = committedAt.remove(confirmation.messageId());
            if (at != null) {
              latencies[(int) next.getAndIncrement()] = System.nanoTime() - at;
              done.countDown();
            }
          });
      CommandProcessor processor = processor(producer, outbox);
      producer.sendAsync(greetingMessage(topic)).get();
      long interval = TimeUnit.SECONDS.toNanos(1) / LATENCY_RATE;
      long due = System.nanoTime();
      for (int n = 0; n < LATENCY_SAMPLES; n++) {
        due += interval;
        JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(postgres);
        Id id = processor.depositPost(new AddGreeting(Id.random(), "Ada"), unitOfWork);
        unitOfWork.commit();
        committedAt.put(id, System.nanoTime());
        processor.clearOutbox(List.of(id));
        sleepUntil(due);
      }
      await(done);
      return latencies;
    }
  }

  /** The same by hand: insert and commit one row, send it; time from commit to the callback. */
  private static long[] latencyRaw(KafkaConfiguration kafka, DataSource postgres) throws Exception {
    String topic = "latency-raw-" + Id.random();
    try (KafkaProducer<String, byte[]> producer = rawProducer(kafka);
        Connection connection = postgres.getConnection();
        PreparedStatement insert = connection.prepareStatement(RawTable.MINIMAL.insert())) {
      createTopic(kafka, topic);
      producer.send(new ProducerRecord<>(topic, "warm", new byte[1])).get();
      long[] latencies = new long[LATENCY_SAMPLES];
      CountDownLatch done = new CountDownLatch(LATENCY_SAMPLES);
      long interval = TimeUnit.SECONDS.toNanos(1) / LATENCY_RATE;
      long due = System.nanoTime();
      for (int n = 0; n < LATENCY_SAMPLES; n++) {
        due += interval;
        String id = Id.random().value();
        insert.setString(1, id);
        insert.setString(2, topic);
        insert.setString(3, "{\"name\":\"Ada\"}");
        insert.executeUpdate();
        long committed = System.nanoTime();
        int slot = n;
        producer.send(
            new ProducerRecord<>(topic, id, "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8)),
            (metadata, failure) -> {
              latencies[slot] = System.nanoTime() - committed;
              done.countDown();
            });
        sleepUntil(due);
      }
      await(done);
      return latencies;
    }
  }

  private static String fill(KafkaConfiguration kafka, int count) throws Exception {
    RoutingKey topic = RoutingKey.of("consume-" + Id.random());
    try (KafkaMessageProducer producer = producer(kafka, topic)) {
      CountDownLatch acked = new CountDownLatch(count);
      producer.onConfirmation(confirmation -> acked.countDown());
      for (int n = 0; n < count; n++) {
        producer.send(greetingMessage(topic));
      }
      await(acked);
    }
    return topic.value();
  }

  private static io.brighter.messaging.Message greetingMessage(RoutingKey topic) {
    return io.brighter.messaging.MessagePipeline.builder()
        .mappers(new MessageMapperRegistry())
        .build()
        .wrap(
            new AddGreeting(Id.random(), "Ada"),
            Publication.builder().topic(topic).requestType(AddGreeting.class).build(),
            new io.brighter.RequestContext());
  }

  private static CommandProcessor processor(
      KafkaMessageProducer producer, io.brighter.outbox.Outbox outbox) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(List.of(producer)))
                .outbox(outbox)
                .maxOutstandingMessages(-1)
                .build())
        .build();
  }

  private static KafkaMessageProducer producer(KafkaConfiguration kafka, RoutingKey topic) {
    return new KafkaMessageProducer(
        kafka,
        KafkaPublication.of(
            Publication.builder().topic(topic).requestType(AddGreeting.class).build()));
  }

  private static KafkaProducer<String, byte[]> rawProducer(KafkaConfiguration kafka) {
    Map<String, Object> props = new java.util.HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5); // the same batching as the transport's default
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, KafkaPublication.DEFAULT_BATCH_SIZE);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static void createTopic(KafkaConfiguration kafka, String topic) throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin
          .createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1)))
          .all()
          .get();
    }
  }

  private static void createRawTable(DataSource postgres) throws SQLException {
    try (Connection connection = postgres.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + RAW_TABLE
              + " (id VARCHAR(64) PRIMARY KEY, topic VARCHAR(255) NOT NULL, body TEXT NOT NULL,"
              + " dispatched TIMESTAMPTZ NULL)");
    }
  }

  private static void truncate(DataSource postgres, String... tables) throws SQLException {
    try (Connection connection = postgres.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE " + String.join(", ", tables));
    }
  }

  /** A pooled data source, as a service would have: both sides use it. */
  private static HikariDataSource postgres() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
    dataSource.setUser("postgres");
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  private static void row(String shape, double brighter, double raw) {
    System.out.printf(
        "| %s | %,.0f | %,.0f | %.0f %% |%n", shape, brighter, raw, 100 * brighter / raw);
  }

  private static double percentile(long[] nanos, int percent) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(percent / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("timed out; " + latch.getCount() + " left");
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void sleepUntil(long due) throws InterruptedException {
    long wait = due - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
