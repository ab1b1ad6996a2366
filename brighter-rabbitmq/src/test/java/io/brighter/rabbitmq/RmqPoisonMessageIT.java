package io.brighter.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.PoisonMessageContract;
import io.brighter.testing.transport.RawDelivery;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/**
 * Poison never stops a pump on the loopback RabbitMQ: raw deliveries are published with
 * amqp-client, their headers as AMQP headers (the message id as {@code cloudEvents_id}, no {@code
 * message_id} property).
 */
class RmqPoisonMessageIT extends PoisonMessageContract {

  private final RmqConnection connection = Broker.connection();
  private final List<String> queues = new CopyOnWriteArrayList<>();

  @Override
  protected ChannelFactory channelFactory() {
    return subscription -> {
      queues.add(subscription.channelName());
      queues.add(RmqSubscription.DEFAULT.deadLetterQueueFor(subscription.channelName()));
      return new RmqChannelFactory(connection).createConsumer(subscription);
    };
  }

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
    return Duration.ofMillis(200);
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
