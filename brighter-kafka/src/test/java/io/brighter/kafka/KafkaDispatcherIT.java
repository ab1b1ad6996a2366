package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.actions.DeferMessageAction;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.handlers.UseInbox;
import io.brighter.jdbc.JdbcInbox;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole path on real infrastructure: a handler deposits an event in a JDBC unit of work on
 * PostgreSQL, {@code clearOutbox} publishes it to Kafka and the delivery report marks it
 * dispatched, and a dispatcher consumes it through an inbox, once even when it is delivered twice;
 * a message that keeps failing is dead-lettered after its delivery budget with the reason, on
 * either pump; an unmappable one goes to the invalid-message topic.
 */
class KafkaDispatcherIT {

  record PlaceOrder(Id id, String customer) implements Command {}

  record OrderPlaced(Id id, String customer) implements Event {}

  private static final KafkaConfiguration KAFKA = EmbeddedKafkaBroker.shared().configuration();
  private static final DataSource POSTGRES = Postgres.dataSource();
  private static final String CONTEXT = "kafka-dispatcher-it";

  private final RoutingKey topic = RoutingKey.of("orders-" + Id.random());
  private final String group = "orders-group-" + Id.random();
  private final Map<Id, AtomicInteger> handled = new ConcurrentHashMap<>();
  private final List<Id> deposited = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void createTables() throws SQLException {
    try (Connection connection = POSTGRES.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS kafka_it_orders"
              + " (id VARCHAR(64) PRIMARY KEY, customer VARCHAR(255) NOT NULL)");
    }
  }

  /** Stores the order and deposits its event in one transaction. */
  final class PlaceOrderHandler extends RequestHandler<PlaceOrder> {
    private final AtomicReference<CommandProcessor> processor;

    PlaceOrderHandler(AtomicReference<CommandProcessor> processor) {
      this.processor = processor;
    }

    @Override
    public PlaceOrder handle(PlaceOrder command) {
      JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(POSTGRES);
      try (PreparedStatement insert =
          unitOfWork
              .connection()
              .prepareStatement("INSERT INTO kafka_it_orders (id, customer) VALUES (?, ?)")) {
        insert.setString(1, command.id().value());
        insert.setString(2, command.customer());
        insert.executeUpdate();
        deposited.add(
            processor
                .get()
                .depositPost(new OrderPlaced(Id.random(), command.customer()), unitOfWork));
        unitOfWork.commit();
      } catch (SQLException | RuntimeException e) {
        unitOfWork.rollback();
        throw new IllegalStateException(e);
      }
      return super.handle(command);
    }
  }

  /** Counts each event it handles; the inbox lets each id through once. */
  final class OrderPlacedHandler extends RequestHandler<OrderPlaced> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
    public OrderPlaced handle(OrderPlaced event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      return super.handle(event);
    }
  }

  /** Never manages: asks for the message again each time. */
  final class FailingOrderPlacedHandler extends RequestHandler<OrderPlaced> {
    @Override
    public OrderPlaced handle(OrderPlaced event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      throw new DeferMessageAction();
    }
  }

  @Test
  void a_deposited_event_is_published_and_handled_once_even_when_delivered_twice() {
    // given: the sender
    JdbcOutbox outbox = JdbcOutbox.forDialect(SqlDialect.POSTGRES, POSTGRES).createTableIfMissing();
    KafkaMessageProducer producer = producer();
    AtomicReference<CommandProcessor> sender = new AtomicReference<>();
    sender.set(
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(PlaceOrder.class, PlaceOrderHandler.class),
                new SimpleHandlerFactory()
                    .register(PlaceOrderHandler.class, () -> new PlaceOrderHandler(sender)))
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(producer)))
                    .outbox(outbox)
                    .build())
            .build());
    // and the receiver
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(OrderPlaced.class, OrderPlacedHandler.class),
                new SimpleHandlerFactory()
                    .register(OrderPlacedHandler.class, OrderPlacedHandler::new))
            .inbox(JdbcInbox.forDialect(SqlDialect.POSTGRES, POSTGRES).createTableIfMissing())
            .build();
    Dispatcher dispatcher =
        dispatcher(receiver, subscription(KafkaSubscription.DEFAULT, 3, MessagePumpType.REACTOR));

    try {
      // when
      sender.get().send(new PlaceOrder(Id.random(), "Ada"));
      sender.get().clearOutbox(deposited);
      sender.get().clearOutbox(deposited); // a second delivery of the same message
      dispatcher.start();

      // then
      Id id = deposited.getFirst();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(handled).containsOnlyKeys(id);
                assertThat(outbox.outstandingMessages(Duration.ZERO, 10_000))
                    .extracting(Message::id)
                    .as("marked dispatched by the delivery report")
                    .doesNotContain(id);
                assertThat(committedMessages()).isEqualTo(2);
              });
      assertThat(handled.get(id)).hasValue(1);
    } finally {
      dispatcher.stop();
      producer.close();
    }
  }

  /** The same, handled asynchronously: asks for the message again each time. */
  final class FailingOrderPlacedHandlerAsync extends RequestHandlerAsync<OrderPlaced> {
    @Override
    public CompletableFuture<OrderPlaced> handleAsync(OrderPlaced event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      return CompletableFuture.failedFuture(new DeferMessageAction());
    }
  }

  @ParameterizedTest
  @EnumSource(MessagePumpType.class)
  void a_poison_message_is_dead_lettered_after_its_delivery_budget_with_the_reason(
      MessagePumpType pumpType) {
    // given
    SubscriberRegistry handlers =
        pumpType == MessagePumpType.REACTOR
            ? new SubscriberRegistry().register(OrderPlaced.class, FailingOrderPlacedHandler.class)
            : new SubscriberRegistry()
                .registerAsync(OrderPlaced.class, FailingOrderPlacedHandlerAsync.class);
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                handlers,
                new SimpleHandlerFactory()
                    .register(FailingOrderPlacedHandler.class, FailingOrderPlacedHandler::new)
                    .register(
                        FailingOrderPlacedHandlerAsync.class, FailingOrderPlacedHandlerAsync::new))
            .build();
    Dispatcher dispatcher =
        dispatcher(receiver, subscription(KafkaSubscription.DEFAULT, 3, pumpType));
    RoutingKey deadLetters = RoutingKey.of(topic.value() + ".dlq");
    OrderPlaced poison = new OrderPlaced(Id.random(), "Mallory");

    try (KafkaMessageProducer producer = producer();
        KafkaMessageConsumer dlq = deadLetterConsumer(deadLetters)) {
      // when
      CommandProcessor.builder()
          .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(ProducerRegistry.of(List.of(producer)))
                  .outbox(new io.brighter.outbox.InMemoryOutbox())
                  .build())
          .build()
          .post(poison);
      dispatcher.start();

      // then
      Message message = awaitOne(dlq);
      assertThat(handled.get(poison.id())).as("deliveries").hasValue(3);
      assertThat(message.header().handledCount()).isEqualTo(3);
      assertThat(message.header().bag())
          .containsEntry(HeaderNames.ORIGINAL_TOPIC, topic.value())
          .hasEntrySatisfying(
              HeaderNames.REJECTION_REASON,
              reason -> assertThat(reason.toString()).contains("Handle count of messages reached"));
    } finally {
      dispatcher.stop();
    }
  }

  @Test
  void an_unmappable_message_goes_to_the_invalid_message_topic_with_the_reason() {
    // given
    RoutingKey invalid = RoutingKey.of(topic.value() + ".invalid");
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry()
                    .register(OrderPlaced.class, FailingOrderPlacedHandler.class),
                new SimpleHandlerFactory()
                    .register(FailingOrderPlacedHandler.class, FailingOrderPlacedHandler::new))
            .build();
    Dispatcher dispatcher =
        dispatcher(
            receiver,
            subscription(
                KafkaSubscription.DEFAULT.withInvalidMessageRoutingKey(invalid),
                3,
                MessagePumpType.REACTOR));
    Message garbage =
        new Message(
            MessageHeader.builder(Id.random(), topic, MessageType.EVENT).build(),
            MessageBody.json("this is not JSON"));

    try (KafkaMessageProducer producer = producer();
        KafkaMessageConsumer invalidMessages = deadLetterConsumer(invalid)) {
      // when
      producer.send(garbage);
      dispatcher.start();

      // then
      Message message = awaitOne(invalidMessages);
      assertThat(message.id()).isEqualTo(garbage.id());
      assertThat(message.body().text()).isEqualTo("this is not JSON");
      assertThat(message.header().bag())
          .containsEntry(HeaderNames.ORIGINAL_TOPIC, topic.value())
          .containsEntry(HeaderNames.ORIGINAL_TYPE, "MT_EVENT")
          .containsKey(HeaderNames.REJECTION_TIMESTAMP)
          .hasEntrySatisfying(
              HeaderNames.REJECTION_REASON,
              reason ->
                  assertThat(reason.toString())
                      .startsWith("Message rejected reason: Unacceptable"));
      assertThat(handled).isEmpty();
    } finally {
      dispatcher.stop();
    }
  }

  /** The first message {@code consumer} receives, acknowledged. */
  private static Message awaitOne(KafkaMessageConsumer consumer) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              received.addAll(consumer.receive(Duration.ofMillis(500)));
              return !received.isEmpty();
            });
    received.forEach(consumer::acknowledge);
    return received.getFirst();
  }

  private Subscription subscription(
      KafkaSubscription settings, int requeueCount, MessagePumpType pumpType) {
    return Subscription.builder()
        .messagePumpType(pumpType)
        .name("orders")
        .channelName(group)
        .routingKey(topic)
        .requestType(OrderPlaced.class)
        .requeueCount(requeueCount)
        .timeout(Duration.ofMillis(500))
        .emptyChannelDelay(Duration.ofMillis(10))
        .channelFactory(
            new KafkaChannelFactory(KAFKA, settings.withCommitInterval(Duration.ofMillis(200))))
        .build();
  }

  private Dispatcher dispatcher(CommandProcessor processor, Subscription subscription) {
    return new DispatcherBuilder()
        .commandProcessor(processor)
        .mappers(new MessageMapperRegistry())
        .subscriptions(List.of(subscription))
        .build();
  }

  private KafkaMessageProducer producer() {
    return new KafkaMessageProducer(
        KAFKA,
        KafkaPublication.of(
            Publication.builder().topic(topic).requestType(OrderPlaced.class).build()));
  }

  private KafkaMessageConsumer deadLetterConsumer(RoutingKey deadLetters) {
    Subscription subscription =
        Subscription.builder()
            .name("dead-letters")
            .channelName("dead-letters-" + Id.random())
            .routingKey(deadLetters)
            .requestTypes(message -> null)
            .channelFactory(new KafkaChannelFactory(KAFKA))
            .build();
    return new KafkaMessageConsumer(KAFKA, subscription, KafkaSubscription.DEFAULT);
  }

  /** How many messages the dispatcher's group has committed past on the one partition. */
  private long committedMessages() throws Exception {
    try (Admin admin = Admin.create(EmbeddedKafkaBroker.shared().adminProperties())) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .values()
          .stream()
          .mapToLong(offset -> offset.offset())
          .sum();
    }
  }
}
