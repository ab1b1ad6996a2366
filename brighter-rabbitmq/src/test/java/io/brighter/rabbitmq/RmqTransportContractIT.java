package io.brighter.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.RawDelivery;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/**
 * The shared transport rules on the loopback RabbitMQ. Every case runs: delays use TTL wait queues,
 * one queue keeps order, {@code VALIDATE} checks the queue passively and an unbound topic fails,
 * and raw deliveries are published with amqp-client, their fields as AMQP headers (the id as {@code
 * cloudEvents_id}, no {@code message_id} property).
 */
class RmqTransportContractIT extends TransportContract {

  private final RmqConnection connection = Broker.connection();
  private final List<String> queues = new CopyOnWriteArrayList<>();

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

  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    Map<String, Object> headers =
        new HashMap<>(
            delivery.wireHeaders(
                field ->
                    switch (field) {
                      case MESSAGE_ID -> RmqHeaders.CLOUD_EVENTS_ID;
                      case MESSAGE_TYPE -> RmqHeaders.MESSAGE_TYPE;
                      case TOPIC -> RmqHeaders.TOPIC;
                      case HANDLED_COUNT -> RmqHeaders.HANDLED_COUNT;
                    }));
    Broker.admin(
        channel ->
            channel.basicPublish(
                Broker.EXCHANGE,
                topic.value(),
                new AMQP.BasicProperties.Builder().headers(headers).build(),
                delivery.body()));
  }

  @AfterEach
  void deleteTheQueuesTheCaseMade() {
    Broker.deleteQueues(queues);
  }
}
