package io.brighter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.actions.DeferMessageAction;
import io.brighter.aws.local.LocalDynamoDb;
import io.brighter.dynamodb.DynamoDbInbox;
import io.brighter.dynamodb.DynamoDbOutbox;
import io.brighter.dynamodb.DynamoDbUnitOfWork;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.handlers.UseInbox;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole AWS path on the local endpoints: a handler deposits an event in a DynamoDB unit of
 * work, {@code clearOutbox} publishes it to SNS, SNS fans it out to an SQS queue, and a dispatcher
 * handles it through a DynamoDB inbox, once even when it is published twice; a message that keeps
 * failing is dead-lettered after its delivery budget with the reason, on either pump; a handler
 * slower than the visibility timeout does not stop its pump.
 */
class AwsDispatcherIT {

  record PlaceOrder(Id id, String customer) implements Command {}

  record OrderPlaced(Id id, String customer) implements Event {}

  private static final DynamoDbClient DYNAMO = LocalDynamoDb.client();
  private static final String CONTEXT = "aws-dispatcher-it";

  private final String suffix = Id.random().value().substring(24);
  private final RoutingKey topic = RoutingKey.of("orders-" + suffix);
  private final Map<Id, AtomicInteger> handled = new ConcurrentHashMap<>();
  private final List<Id> deposited = new CopyOnWriteArrayList<>();

  /** Deposits the order's event in a DynamoDB unit of work. */
  final class PlaceOrderHandler extends RequestHandler<PlaceOrder> {
    private final AtomicReference<CommandProcessor> processor;

    PlaceOrderHandler(AtomicReference<CommandProcessor> processor) {
      this.processor = processor;
    }

    @Override
    public PlaceOrder handle(PlaceOrder command) {
      DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(DYNAMO);
      deposited.add(
          processor
              .get()
              .depositPost(new OrderPlaced(Id.random(), command.customer()), unitOfWork));
      unitOfWork.commit();
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
  final class FailingHandler extends RequestHandler<OrderPlaced> {
    @Override
    public OrderPlaced handle(OrderPlaced event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      throw new DeferMessageAction();
    }
  }

  /** The same, asynchronously. */
  final class FailingHandlerAsync extends RequestHandlerAsync<OrderPlaced> {
    @Override
    public CompletableFuture<OrderPlaced> handleAsync(OrderPlaced event) {
      handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      return CompletableFuture.failedFuture(new DeferMessageAction());
    }
  }

  /** Takes longer than the visibility timeout the first time it handles "Slow". */
  final class SlowHandler extends RequestHandler<OrderPlaced> {
    @Override
    public OrderPlaced handle(OrderPlaced event) {
      int deliveries =
          handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      if (deliveries == 1 && event.customer().equals("Slow")) {
        try {
          Thread.sleep(2_500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.handle(event);
    }
  }

  @Test
  void a_deposited_event_goes_through_sns_and_sqs_to_its_handler_once_even_when_sent_twice() {
    // given: the sender, its outbox in DynamoDB
    DynamoDbOutbox outbox =
        DynamoDbOutbox.builder()
            .client(DYNAMO)
            .tableName("aws_it_outbox_" + suffix)
            .build()
            .createTableIfMissing();
    SnsMessageProducer producer = producer();
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
    // and the receiver, its inbox in DynamoDB
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(OrderPlaced.class, OrderPlacedHandler.class),
                new SimpleHandlerFactory()
                    .register(OrderPlacedHandler.class, OrderPlacedHandler::new))
            .inbox(
                new DynamoDbInbox(DYNAMO)
                    .withTableName("aws_it_inbox_" + suffix)
                    .createTableIfMissing())
            .build();
    Dispatcher dispatcher =
        dispatcher(receiver, subscription(SqsSubscription.DEFAULT, MessagePumpType.REACTOR));

    try {
      // when
      dispatcher.start();
      sender.get().send(new PlaceOrder(Id.random(), "Ada"));
      sender.get().clearOutbox(deposited);
      sender.get().clearOutbox(deposited); // published a second time

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
            ? new SubscriberRegistry().register(OrderPlaced.class, FailingHandler.class)
            : new SubscriberRegistry().registerAsync(OrderPlaced.class, FailingHandlerAsync.class);
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                handlers,
                new SimpleHandlerFactory()
                    .register(FailingHandler.class, FailingHandler::new)
                    .register(FailingHandlerAsync.class, FailingHandlerAsync::new))
            .build();
    Dispatcher dispatcher = dispatcher(receiver, subscription(SqsSubscription.DEFAULT, pumpType));
    OrderPlaced poison = new OrderPlaced(Id.random(), "Mallory");

    try (SnsMessageProducer producer = producer();
        SqsMessageConsumer deadLetters = deadLetterConsumer()) {
      // when
      dispatcher.start();
      poster(producer).post(poison);

      // then
      Message message = awaitOne(deadLetters);
      assertThat(handled.get(poison.id())).as("deliveries").hasValue(3);
      assertThat(message.id().value()).isEqualTo(poison.id().value());
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
  void a_handler_slower_than_the_visibility_timeout_does_not_stop_its_pump() {
    // given: messages hidden for one second only
    CommandProcessor receiver =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(OrderPlaced.class, SlowHandler.class),
                new SimpleHandlerFactory().register(SlowHandler.class, SlowHandler::new))
            .build();
    Dispatcher dispatcher =
        dispatcher(
            receiver,
            subscription(
                SqsSubscription.DEFAULT.withVisibilityTimeout(Duration.ofSeconds(1)),
                MessagePumpType.REACTOR,
                2));
    OrderPlaced slow = new OrderPlaced(Id.random(), "Slow");
    OrderPlaced next = new OrderPlaced(Id.random(), "Next");

    try (SnsMessageProducer producer = producer()) {
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

  /** The first message {@code consumer} receives, acknowledged. */
  private static Message awaitOne(SqsMessageConsumer consumer) {
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

  private Subscription subscription(SqsSubscription settings, MessagePumpType pumpType) {
    return subscription(settings, pumpType, 1);
  }

  private Subscription subscription(
      SqsSubscription settings, MessagePumpType pumpType, int performers) {
    return Subscription.builder()
        .messagePumpType(pumpType)
        .name("orders")
        .channelName("orders-queue-" + suffix)
        .routingKey(topic)
        .requestType(OrderPlaced.class)
        .noOfPerformers(performers)
        .requeueCount(3)
        .timeout(Duration.ofSeconds(1))
        .emptyChannelDelay(Duration.ofMillis(10))
        .channelFactory(new SqsChannelFactory(LocalAwsConnection.AWS, settings))
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
  private static CommandProcessor poster(SnsMessageProducer producer) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(List.of(producer)))
                .outbox(new InMemoryOutbox())
                .build())
        .build();
  }

  private SnsMessageProducer producer() {
    return new SnsMessageProducer(
        LocalAwsConnection.AWS,
        Publication.builder().topic(topic).requestType(OrderPlaced.class).build());
  }

  private SqsMessageConsumer deadLetterConsumer() {
    return new SqsMessageConsumer(
        LocalAwsConnection.AWS,
        SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT),
        RoutingKey.of(topic.value() + ".dlq"),
        "dead-letters",
        1,
        RoutingKey.of(topic.value() + ".dlq.dlq"),
        OnMissingChannel.CREATE);
  }
}
