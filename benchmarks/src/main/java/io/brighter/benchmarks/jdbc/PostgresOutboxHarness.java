package io.brighter.benchmarks.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.OutboxOperations;
import io.brighter.outbox.SweepSettings;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The JDBC outbox on PostgreSQL, measured as a service would load it, and printed as Markdown
 * tables:
 *
 * <ol>
 *   <li>transactions that insert one business row, without and with a message deposited in the same
 *       transaction ({@link JdbcUnitOfWork}), rounds alternating;
 *   <li>transactions that deposit 100 messages, as one bulk {@code depositPost} and as 100 single
 *       ones;
 *   <li>one sweeper draining a backlog of outstanding messages to the in-memory bus in batches of
 *       100, once per count of dispatched rows already in the table.
 * </ol>
 *
 * <p>Run with {@code bin/benchmarks outbox-postgres [options]}; see {@link HarnessOptions}. Every
 * table is made for the run and dropped after it.
 */
public final class PostgresOutboxHarness {

  private static final RoutingKey TOPIC = RoutingKey.of("order.placed");
  private static final int BULK = 100;
  private static final int SWEEP_BATCH = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The event deposited with each business row. */
  public record OrderPlaced(Id id, String customer, long amount) implements Event {}

  private final BenchmarkDatabase database;
  private final HarnessOptions options;
  private final Throughput throughput;

  private PostgresOutboxHarness(BenchmarkDatabase database, HarnessOptions options) {
    this.database = database;
    this.options = options;
    this.throughput = new Throughput(options.threads());
  }

  /** Entry point; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    HarnessOptions options = HarnessOptions.parse(args);
    try (BenchmarkDatabase database = BenchmarkDatabase.postgres(options.threads() + 2)) {
      PostgresOutboxHarness harness = new PostgresOutboxHarness(database, options);
      System.out.println(harness.businessTransactions());
      System.out.println(harness.bulkDeposits());
      System.out.println(harness.sweeperDrain());
    }
  }

  /** (a) Business transactions without and with a deposit. */
  private String businessTransactions() throws Exception {
    String orders = BenchmarkDatabase.freshTable("bench_orders");
    JdbcOutbox outbox = outbox();
    database.execute(
        "CREATE TABLE "
            + orders
            + " (id VARCHAR(36) PRIMARY KEY, customer VARCHAR(64) NOT NULL,"
            + " amount BIGINT NOT NULL, placed TIMESTAMPTZ NOT NULL DEFAULT now())");
    try {
      CommandProcessor processor = processor(outbox, new InMemoryBus());
      List<Variant> variants =
          List.of(
              new Variant(
                  "insert one row",
                  () -> placeOrder(orders, outbox.tableName(), processor, Extra.NONE)),
              new Variant(
                  "insert one row + depositPost",
                  () -> placeOrder(orders, outbox.tableName(), processor, Extra.DEPOSIT)),
              new Variant(
                  "insert one row + a second plain insert (yardstick: any extra statement)",
                  () -> placeOrder(orders, outbox.tableName(), processor, Extra.SECOND_ROW)),
              new Variant(
                  "insert one row + the same outbox row by hand (floor: the table's own cost)",
                  () ->
                      placeOrder(orders, outbox.tableName(), processor, Extra.OUTBOX_ROW_BY_HAND)));
      double[] rates = alternate(variants);
      StringBuilder table = new StringBuilder();
      table.append(
          String.format(
              Locale.ROOT,
              "| business transaction (%d threads) | tx/s | vs. one row |%n|---|---:|---:|%n",
              options.threads()));
      for (int i = 0; i < variants.size(); i++) {
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %.0f | %+.1f %% |%n",
                variants.get(i).name(),
                rates[i],
                100 * (rates[i] / rates[0] - 1)));
      }
      return table.toString();
    } finally {
      database.execute("DROP TABLE IF EXISTS " + orders);
      database.execute("DROP TABLE IF EXISTS " + outbox.tableName());
    }
  }

  /** What a business transaction does besides inserting its row. */
  private enum Extra {
    NONE,
    DEPOSIT,
    SECOND_ROW,
    OUTBOX_ROW_BY_HAND
  }

  /** A named way to run one transaction. */
  private record Variant(String name, Throughput.Operation operation) {}

  /**
   * Each variant's mean rate over the rounds, variants taking turns round by round (after one
   * unmeasured warm-up round each) so that drift in the machine's load spreads over all of them.
   */
  private double[] alternate(List<Variant> variants) throws Exception {
    double[] sums = new double[variants.size()];
    for (Variant variant : variants) {
      throughput.perSecond(variant.operation(), options.round());
    }
    for (int round = 0; round < options.rounds(); round++) {
      for (int i = 0; i < variants.size(); i++) {
        sums[i] += throughput.perSecond(variants.get(i).operation(), options.round());
      }
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= options.rounds();
    }
    return sums;
  }

  private void placeOrder(
      String orders, String outboxTable, CommandProcessor processor, Extra extra)
      throws SQLException, IOException {
    OrderPlaced order = new OrderPlaced(Id.random(), "customer-42", 1999);
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(database.dataSource());
    try {
      insertOrder(orders, unitOfWork, order);
      switch (extra) {
        case DEPOSIT -> processor.depositPost(order, unitOfWork);
        case SECOND_ROW ->
            insertOrder(orders, unitOfWork, new OrderPlaced(Id.random(), "customer-43", 1));
        case OUTBOX_ROW_BY_HAND -> insertOutboxRow(outboxTable, unitOfWork, order);
        case NONE -> {}
      }
      unitOfWork.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      unitOfWork.rollback();
      throw e;
    }
  }

  private static void insertOrder(String orders, JdbcUnitOfWork unitOfWork, OrderPlaced order)
      throws SQLException {
    try (PreparedStatement insert =
        unitOfWork
            .connection()
            .prepareStatement(
                "INSERT INTO " + orders + " (id, customer, amount) VALUES (?, ?, ?)")) {
      insert.setString(1, order.id().value());
      insert.setString(2, order.customer());
      insert.setLong(3, order.amount());
      insert.executeUpdate();
    }
  }

  /**
   * The row {@code depositPost} writes for {@code order}, written by hand: the same columns with
   * the same values a deposit has (the event as JSON, an empty header bag, the CloudEvents
   * defaults).
   */
  private static void insertOutboxRow(
      String outboxTable, JdbcUnitOfWork unitOfWork, OrderPlaced order)
      throws SQLException, IOException {
    try (PreparedStatement insert =
        unitOfWork
            .connection()
            .prepareStatement(
                "INSERT INTO "
                    + outboxTable
                    + " (MessageId, Topic, MessageType, Timestamp, ContentType, HeaderBag, Body,"
                    + " Source, Type, SpecVersion, HandledCount, DelayMilliseconds)"
                    + " VALUES (?, ?, 'MT_EVENT', ?, 'application/json', '{}', ?,"
                    + " 'http://goparamore.io', 'goparamore.io.Paramore.Brighter.Message', '1.0', 0,"
                    + " 0) ON CONFLICT (MessageId) DO NOTHING")) {
      insert.setString(1, order.id().value());
      insert.setString(2, TOPIC.value());
      insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
      insert.setBytes(4, JSON.writeValueAsBytes(order));
      insert.executeUpdate();
    }
  }

  /** (b) 100 messages per transaction, in one bulk deposit and in 100 single ones. */
  private String bulkDeposits() throws Exception {
    JdbcOutbox outbox = outbox();
    try {
      CommandProcessor processor = processor(outbox, new InMemoryBus());
      Throughput.Operation bulk =
          () -> inTransaction(unitOfWork -> processor.depositPost(orders(BULK), unitOfWork));
      Throughput.Operation singles =
          () ->
              inTransaction(
                  unitOfWork -> orders(BULK).forEach(o -> processor.depositPost(o, unitOfWork)));
      double[] rates =
          alternate(List.of(new Variant("bulk", bulk), new Variant("singles", singles)));
      double bulkRate = rates[0];
      double singlesRate = rates[1];
      return String.format(
          Locale.ROOT,
          "| %d messages per transaction (%d threads) | tx/s | messages/s |%n|---|---:|---:|%n"
              + "| one bulk depositPost | %.0f | %.0f |%n| %d single depositPost | %.0f | %.0f |%n",
          BULK,
          options.threads(),
          bulkRate,
          bulkRate * BULK,
          BULK,
          singlesRate,
          singlesRate * BULK);
    } finally {
      database.execute("DROP TABLE IF EXISTS " + outbox.tableName());
    }
  }

  private void inTransaction(java.util.function.Consumer<JdbcUnitOfWork> work) {
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(database.dataSource());
    try {
      work.accept(unitOfWork);
      unitOfWork.commit();
    } catch (RuntimeException e) {
      unitOfWork.rollback();
      throw e;
    }
  }

  /** (c) One sweeper drains the backlog, once per count of dispatched rows in the table. */
  private String sweeperDrain() {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "| dispatched rows in the table | backlog drained | seconds | messages/s |"
                + " ms per batch of %d |%n|---:|---:|---:|---:|---:|%n",
            SWEEP_BATCH));
    for (int dispatched : options.dispatchedRows()) {
      JdbcOutbox outbox = outbox();
      try {
        BacklogLoader loader = new BacklogLoader(database, outbox);
        loader.load(dispatched, options.backlog());
        InMemoryBus bus = new InMemoryBus();
        CommandProcessor processor = processor(outbox, bus);
        long start = System.nanoTime();
        int sent = 0;
        int batches = 0;
        OutboxOperations operations = processor.outboxOperations();
        SweepSettings sweep =
            SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO).withBatchSize(SWEEP_BATCH);
        for (int swept; (swept = operations.sweep(sweep)) > 0; ) {
          sent += swept;
          batches++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sent != options.backlog() || bus.stream(TOPIC).size() != options.backlog()) {
          throw new IllegalStateException(
              "The sweeper sent " + sent + " of a backlog of " + options.backlog());
        }
        table.append(
            String.format(
                Locale.ROOT,
                "| %,d | %,d | %.1f | %.0f | %.2f |%n",
                dispatched,
                sent,
                seconds,
                sent / seconds,
                seconds * 1000 / batches));
      } finally {
        database.execute("DROP TABLE IF EXISTS " + outbox.tableName());
      }
    }
    return table.toString();
  }

  private JdbcOutbox outbox() {
    return JdbcOutbox.forDialect(SqlDialect.POSTGRES, database.dataSource())
        .withTableName(BenchmarkDatabase.freshTable("bench_outbox"))
        .createTableIfMissing();
  }

  private static CommandProcessor processor(JdbcOutbox outbox, InMemoryBus bus) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(
                    ProducerRegistry.of(
                        List.of(
                            new InMemoryMessageProducer(
                                bus,
                                Publication.builder()
                                    .topic(TOPIC)
                                    .requestType(OrderPlaced.class)
                                    .build()))))
                .outbox(outbox)
                .build())
        .build();
  }

  private static List<OrderPlaced> orders(int count) {
    return IntStream.range(0, count)
        .mapToObj(n -> new OrderPlaced(Id.random(), "customer-" + n, n))
        .toList();
  }
}
