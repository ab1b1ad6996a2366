package io.brighter.rabbitmq;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.actions.DeferMessageAction;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.handlers.UseInbox;
import io.brighter.jdbc.JdbcInbox;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;

/**
 * The seed flow on real infrastructure: a service deposits {@link GreetingAdded} events in a JDBC
 * outbox on PostgreSQL and clears them to RabbitMQ; a dispatcher reads them back through a JDBC
 * inbox (once only) into {@link GreetingAddedHandler}. One instance per test, with fresh names.
 */
final class GreetingFlow implements AutoCloseable {

  /** The event of the flow. */
  record GreetingAdded(Id id, String name) implements Event {}

  /** Every greeting handled, in order, across the tests of one JVM (cleared per flow). */
  static final Queue<GreetingAdded> HANDLED = new ConcurrentLinkedQueue<>();

  /** Names that the handler defers for ever: poison. */
  static final String POISON = "poison";

  /** Records each greeting once; defers poison until it is dead-lettered. */
  public static final class GreetingAddedHandler extends RequestHandler<GreetingAdded> {
    @Override
    @UseInbox(
        step = 0,
        contextKey = "greetings",
        onceOnly = true,
        onceOnlyAction = OnceOnlyAction.WARN)
    public GreetingAdded handle(GreetingAdded event) {
      if (POISON.equals(event.name())) {
        throw new DeferMessageAction();
      }
      HANDLED.add(event);
      return super.handle(event);
    }
  }

  final DataSource dataSource = Postgres.dataSource();
  final RoutingKey topic = RoutingKey.of(Fixtures.fresh("greeting.added"));
  final String queue = Fixtures.fresh("greetings");
  final RmqConnection connection;
  final JdbcOutbox outbox;
  final RmqMessageProducer producer;
  final CommandProcessor commandProcessor;
  final Dispatcher dispatcher;

  GreetingFlow(RmqConnection connection, int requeueCount) {
    HANDLED.clear();
    this.connection = connection;
    this.outbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource)
            .withTableName("rmq_flow_outbox")
            .createTableIfMissing();
    JdbcInbox inbox =
        JdbcInbox.forDialect(SqlDialect.POSTGRES, dataSource)
            .withTableName("rmq_flow_inbox")
            .createTableIfMissing();
    this.producer =
        new RmqMessageProducer(
            connection,
            Publication.builder().topic(topic).requestType(GreetingAdded.class).build());
    this.commandProcessor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(GreetingAdded.class, GreetingAddedHandler.class),
                new SimpleHandlerFactory())
            .inbox(inbox)
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(producer)))
                    .outbox(outbox)
                    .build())
            .build();
    Subscription subscription =
        Subscription.builder()
            .name(queue)
            .channelName(queue)
            .routingKey(topic)
            .requestType(GreetingAdded.class)
            .bufferSize(5)
            .timeout(Duration.ofMillis(200))
            .emptyChannelDelay(Duration.ofMillis(10))
            .channelFailureDelay(Duration.ofMillis(200))
            .requeueCount(requeueCount)
            .channelFactory(new RmqChannelFactory(connection))
            .build();
    this.dispatcher =
        new DispatcherBuilder()
            .commandProcessor(commandProcessor)
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(subscription))
            .build();
  }

  /** The dead-letter queue declared with the subscription's queue. */
  String deadLetterQueue() {
    return RmqSubscription.DEFAULT.deadLetterQueueFor(queue);
  }

  @Override
  public void close() {
    dispatcher.stop();
    producer.close();
    Broker.deleteQueues(List.of(queue, deadLetterQueue()));
  }
}
