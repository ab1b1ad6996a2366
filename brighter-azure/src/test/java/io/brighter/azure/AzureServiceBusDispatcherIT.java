package io.brighter.azure;

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
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.brighter.serviceactivator.MessagePumpStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Service Bus under a dispatcher, on the local namespace: the Greetings flow (a handler inserts a
 * greeting and deposits its event in one PostgreSQL transaction, {@code clearOutbox} sends it to a
 * topic, a dispatcher handles it through a JDBC inbox, once even when sent twice); a message that
 * keeps failing is dead-lettered into the subscription's dead-letter sub-queue after its delivery
 * budget, with the reason, on either pump; a handler slower than the lock loses it, and the pump
 * goes on.
 */
class AzureServiceBusDispatcherIT {

  record AddGreeting(Id id, String name) implements Command {}

  record GreetingAdded(Id id, String name) implements Event {}

  private static final DataSource POSTGRES = postgres();
  private static final String CONTEXT = "servicebus-dispatcher-it";

  private final String suffix = Id.random().value().substring(24);
  private final RoutingKey topic = RoutingKey.of("greetings-" + suffix);
  private final String channel = "greetings-subscription";
  private final Map<Id, AtomicInteger> handled = new ConcurrentHashMap<>();
  private final List<Id> deposited = new CopyOnWriteArrayList<>();

  private static DataSource postgres() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
    dataSource.setUser("postgres");
    return dataSource;
  }

  /** Inserts the greeting and deposits its event in one transaction. */
  final class AddGreetingHandler extends RequestHandler<AddGreeting> {
    private final AtomicReference<CommandProcessor> processor;
    private final String table;

    AddGreetingHandler(AtomicReference<CommandProcessor> processor, String table) {
      this.processor = processor;
      this.table = table;
    }

    @Override
    public AddGreeting handle(AddGreeting command) {
      JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(POSTGRES);
      try (PreparedStatement insert =
          unitOfWork
              .connection()
              .prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
        insert.setString(1, command.id().value());
        insert.setString(2, command.name());
        insert.executeUpdate();
        deposited.add(
            processor
                .get()
                .depositPost(new GreetingAdded(Id.random(), command.name()), unitOfWork));
        unitOfWork.commit();
      } catch (SQLException e) {
        unitOfWork.rollback();
        throw new IllegalStateException(e);
      }
      return super.handle(command);
    }
  }

  /** Counts each event it handles; the inbox lets each id through once. */
  final class GreetingAddedHandler extends RequestHandler<GreetingAdded> {
    @Override
    @UseInbox(step = 0, contextKey = CONTEXT, onceOnly = true, onceOnlyAction = OnceOnlyAction.WARN)
    public GreetingAdded handle(GreetingAdded event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      return super.handle(event);
    }
  }

  /** Never manages: asks for the message again each time. */
  final class FailingHandler extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      throw new DeferMessageAction();
    }
  }

  /** The same, asynchronously. */
  final class FailingHandlerAsync extends RequestHandlerAsync<GreetingAdded> {
    @Override
    public CompletableFuture<GreetingAdded> handleAsync(GreetingAdded event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      return CompletableFuture.failedFuture(new DeferMessageAction());
    }
  }

  /** Takes longer than the lock the first time it handles "Slow". */
  final class SlowHandler extends RequestHandler<GreetingAdded> {
    @Override
    public GreetingAdded handle(GreetingAdded event) {
      int deliveries =
          handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      if (deliveries == 1 && event.name().equals("Slow")) {
        try {
          Thread.sleep(6_500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.handle(event);
    }
  }

  @Test
  void a_greeting_and_its_event_commit_together_and_the_event_is_handled_once_even_when_sent_twice()
      throws SQLException {
    // given: the sender, its greetings and outbox in PostgreSQL
    String greetings = "asb_it_greetings_" + suffix;
    try (Connection connection = POSTGRES.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE " + greetings + " (id VARCHAR(64) PRIMARY KEY, name VARCHAR(255))");
    }
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, POSTGRES)
            .withTableName("asb_it_outbox_" + suffix)
            .createTableIfMissing();
    AzureServiceBusMessageProducer producer = producer();
    AtomicReference<CommandProcessor> sender = new AtomicReference<>();
    sender.set(
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(AddGreeting.class, AddGreetingHandler.class),
                new SimpleHandlerFactory()
                    .register(
                        AddGreetingHandler.class, () -> new AddGreetingHandler(sender, greetings)))
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(producer)))
                    .outbox(outbox)
                    .build())
            .build());
    // and the receiver, its inbox in PostgreSQL
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(GreetingAdded.class, GreetingAddedHandler.class),
                new SimpleHandlerFactory()
                    .register(GreetingAddedHandler.class, GreetingAddedHandler::new))
            .inbox(
                JdbcInbox.forDialect(SqlDialect.POSTGRES, POSTGRES)
                    .withTableName("asb_it_inbox_" + suffix)
                    .createTableIfMissing())
            .build();
    Dispatcher dispatcher =
        dispatcher(
            receiver, subscription(AzureServiceBusSubscription.DEFAULT, MessagePumpType.REACTOR));

    subscribe(AzureServiceBusSubscription.DEFAULT);
    try {
      // when
      dispatcher.start();
      sender.get().send(new AddGreeting(Id.random(), "Ada"));
      sender.get().clearOutbox(deposited);
      sender.get().clearOutbox(deposited); // sent a second time

      // then
      Id id = deposited.getFirst();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(handled).containsOnlyKeys(id);
                assertThat(outbox.outstandingCount()).as("marked dispatched").isZero();
              });
      assertThat(handled.get(id)).hasValue(1);
      assertThat(count(greetings)).isEqualTo(1);
    } finally {
      dispatcher.stop();
      producer.close();
    }
  }

  @ParameterizedTest
  @EnumSource(MessagePumpType.class)
  void a_poison_message_is_dead_lettered_after_its_delivery_budget_with_the_reason(
      MessagePumpType pumpType) {
    // given
    SubscriberRegistry handlers =
        pumpType == MessagePumpType.REACTOR
            ? new SubscriberRegistry().register(GreetingAdded.class, FailingHandler.class)
            : new SubscriberRegistry()
                .registerAsync(GreetingAdded.class, FailingHandlerAsync.class);
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                handlers,
                new SimpleHandlerFactory()
                    .register(FailingHandler.class, FailingHandler::new)
                    .register(FailingHandlerAsync.class, FailingHandlerAsync::new))
            .build();
    Dispatcher dispatcher =
        dispatcher(receiver, subscription(AzureServiceBusSubscription.DEFAULT, pumpType));
    GreetingAdded poison = new GreetingAdded(Id.random(), "Mallory");

    try (AzureServiceBusMessageProducer producer = producer()) {
      dispatcher.start();
      try (AzureServiceBusMessageConsumer deadLetters =
          AzureServiceBusMessageConsumer.deadLetters(
              LocalBus.CONFIGURATION, AzureServiceBusSubscription.DEFAULT, topic, channel, 1)) {
        // when
        poster(producer).post(poison);

        // then
        Message message = awaitOne(deadLetters);
        assertThat(handled.get(poison.id())).as("deliveries").hasValue(3);
        assertThat(message.id().value()).isEqualTo(poison.id().value());
        assertThat(message.header().handledCount()).isEqualTo(3);
        assertThat(message.header().bag())
            .containsEntry(HeaderNames.ORIGINAL_TOPIC, topic.value())
            .containsEntry("DeadLetterReason", "DeliveryError")
            .hasEntrySatisfying(
                HeaderNames.REJECTION_REASON,
                reason ->
                    assertThat(reason.toString()).contains("Handle count of messages reached"))
            .hasEntrySatisfying(
                "DeadLetterErrorDescription",
                description ->
                    assertThat(description.toString())
                        .contains("Handle count of messages reached"));
      }
    } finally {
      dispatcher.stop();
    }
  }

  @Test
  void a_handler_slower_than_the_lock_loses_it_and_the_pump_goes_on() {
    // given: locks of five seconds, the shortest Service Bus takes
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(GreetingAdded.class, SlowHandler.class),
                new SimpleHandlerFactory().register(SlowHandler.class, SlowHandler::new))
            .build();
    AzureServiceBusSubscription shortLocks =
        AzureServiceBusSubscription.DEFAULT.withLockDuration(Duration.ofSeconds(5));
    Dispatcher dispatcher =
        dispatcher(receiver, subscription(shortLocks, MessagePumpType.REACTOR, 2));
    GreetingAdded slow = new GreetingAdded(Id.random(), "Slow");
    GreetingAdded next = new GreetingAdded(Id.random(), "Next");

    subscribe(shortLocks);
    try (AzureServiceBusMessageProducer producer = producer()) {
      // when
      dispatcher.start();
      CommandProcessor sender = poster(producer);
      sender.post(slow);
      sender.post(next);

      // then: the slow one came back while it was handled, and both were handled
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(handled.get(slow.id())).isNotNull();
                assertThat(handled.get(slow.id()).get()).isGreaterThanOrEqualTo(2);
                assertThat(handled.get(next.id())).isNotNull();
              });
      assertThat(dispatcher.state())
          .allSatisfy(pump -> assertThat(pump.status()).isEqualTo(MessagePumpStatus.STARTED))
          .allSatisfy(pump -> assertThat(pump.restarts()).isZero());
    } finally {
      dispatcher.stop();
    }
  }

  /** Makes the topic's subscription before anything is sent, so nothing sent is lost. */
  private void subscribe(AzureServiceBusSubscription settings) {
    new ServiceBusEntities(LocalBus.CONFIGURATION)
        .subscription(topic.value(), channel, settings, OnMissingChannel.CREATE);
  }

  private static long count(String table) throws SQLException {
    try (Connection connection = POSTGRES.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The first message {@code consumer} receives, acknowledged. */
  private static Message awaitOne(AzureServiceBusMessageConsumer consumer) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              received.addAll(consumer.receive(Duration.ofSeconds(1)));
              return !received.isEmpty();
            });
    received.forEach(consumer::acknowledge);
    return received.getFirst();
  }

  private Subscription subscription(
      AzureServiceBusSubscription settings, MessagePumpType pumpType) {
    return subscription(settings, pumpType, 1);
  }

  private Subscription subscription(
      AzureServiceBusSubscription settings, MessagePumpType pumpType, int performers) {
    return Subscription.builder()
        .messagePumpType(pumpType)
        .name("greetings")
        .channelName(channel)
        .routingKey(topic)
        .requestType(GreetingAdded.class)
        .noOfPerformers(performers)
        .requeueCount(3)
        .timeout(Duration.ofSeconds(1))
        .emptyChannelDelay(Duration.ofMillis(10))
        .channelFactory(new AzureServiceBusChannelFactory(LocalBus.CONFIGURATION, settings))
        .build();
  }

  private Dispatcher dispatcher(CommandProcessor processor, Subscription subscription) {
    return new DispatcherBuilder()
        .commandProcessor(processor)
        .mappers(new MessageMapperRegistry())
        .subscriptions(List.of(subscription))
        .build();
  }

  /** A processor that posts through {@code producer}, its outbox in memory. */
  private static CommandProcessor poster(AzureServiceBusMessageProducer producer) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(List.of(producer)))
                .outbox(new InMemoryOutbox())
                .build())
        .build();
  }

  private AzureServiceBusMessageProducer producer() {
    return new AzureServiceBusMessageProducer(
        LocalBus.CONFIGURATION,
        Publication.builder().topic(topic).requestType(GreetingAdded.class).build());
  }
}
