package io.brighter.rabbitmq;

import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The shared transport rules on the loopback RabbitMQ. Every case runs: delays use TTL wait queues,
 * one queue keeps order, and {@code VALIDATE} checks the queue passively and publishes mandatory,
 * so an unbound topic fails.
 */
class RmqTransportContractIT extends TransportContract {

  private final RmqConnection connection = Broker.connection();
  private final List<String> queues = new ArrayList<>();

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new RmqMessageProducer(connection, publication);
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    queues.add(channelName);
    queues.add(RmqSubscription.DEFAULT.deadLetterQueueFor(channelName));
    return new RmqMessageConsumer(
        connection,
        RmqSubscription.DEFAULT,
        routingKey,
        channelName,
        bufferSize,
        deadLetterRoutingKey,
        makeChannels);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofMillis(500);
  }

  @Override
  protected boolean supportsDelay() {
    return true;
  }

  @Override
  protected boolean preservesOrder() {
    return true;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  @AfterEach
  void deleteTheQueuesTheCaseMade() {
    Broker.deleteQueues(queues);
  }
}
