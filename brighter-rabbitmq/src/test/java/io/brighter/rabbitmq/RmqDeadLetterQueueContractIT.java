package io.brighter.rabbitmq;

import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.DeadLetterQueueContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/** The dead-letter queue rules on the loopback RabbitMQ: {@code <queue>.dlq} of each channel. */
class RmqDeadLetterQueueContractIT extends DeadLetterQueueContract {

  private final RmqConnection connection = Broker.connection();
  private final List<String> queues = new CopyOnWriteArrayList<>();

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new RmqMessageProducer(connection, publication);
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey) {
    queues.add(channelName);
    queues.add(RmqSubscription.DEFAULT.deadLetterQueueFor(channelName));
    return new RmqMessageConsumer(
        connection,
        RmqSubscription.DEFAULT,
        routingKey,
        channelName,
        10,
        deadLetterRoutingKey,
        OnMissingChannel.CREATE);
  }

  @Override
  protected DeadLetterQueue createDeadLetterQueue(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey) {
    return new RmqDeadLetterQueue(
        connection, RmqSubscription.DEFAULT.deadLetterQueueFor(channelName));
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofMillis(500);
  }

  @AfterEach
  void deleteQueues() {
    Broker.deleteQueues(queues);
  }
}
