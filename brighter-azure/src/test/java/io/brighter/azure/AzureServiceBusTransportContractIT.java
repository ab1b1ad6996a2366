package io.brighter.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.util.BinaryData;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.RawDelivery;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Service Bus transport on topics and subscriptions keeps every rule of the transport contract
 * on the local namespace ({@code LocalServiceBus}). Service Bus does not promise order without
 * sessions, so the several-messages case checks only that each arrives once.
 */
class AzureServiceBusTransportContractIT extends TransportContract {

  private final Map<RoutingKey, String> channels = new ConcurrentHashMap<>();

  /** Whether the channels are queues rather than topics with subscriptions. */
  boolean queues() {
    return false;
  }

  private AzureServiceBusSubscription subscription() {
    return AzureServiceBusSubscription.DEFAULT.withUseServiceBusQueue(queues());
  }

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new AzureServiceBusMessageProducer(
        LocalBus.CONFIGURATION,
        publication,
        AzureServiceBusPublication.DEFAULT.withUseServiceBusQueue(queues()));
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    channels.put(routingKey, channelName);
    return new AzureServiceBusMessageConsumer(
        LocalBus.CONFIGURATION,
        subscription(),
        routingKey,
        channelName,
        bufferSize,
        deadLetterRoutingKey,
        makeChannels);
  }

  /**
   * Rejected messages wait in the dead-letter sub-queue of the channel they were read from, which a
   * case may open only after this consumer: it reads the sub-queue of the channel last opened on
   * the topic, found on its first receive.
   */
  @Override
  protected MessageConsumer createDeadLetterConsumer(
      RoutingKey deadLetterRoutingKey, String channelName) {
    String dead = deadLetterRoutingKey.value();
    RoutingKey topic = RoutingKey.of(dead.substring(0, dead.length() - "-dlq".length()));
    return new DeadLetterReader(
        () ->
            AzureServiceBusMessageConsumer.deadLetters(
                LocalBus.CONFIGURATION,
                subscription(),
                topic,
                requireNonNull(channels.get(topic), "no channel was opened on " + topic),
                1));
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected boolean supportsDelay() {
    return true;
  }

  @Override
  protected boolean preservesOrder() {
    return false;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  /** Sends the raw delivery with the SDK: its id as the message id, the rest as properties. */
  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    ServiceBusMessage message = new ServiceBusMessage(BinaryData.fromBytes(delivery.body()));
    String id = delivery.fields().get(RawDelivery.Field.MESSAGE_ID);
    if (id != null && id.length() <= AzureServiceBusWireFormat.MAX_MESSAGE_ID) {
      message.setMessageId(id);
    }
    delivery
        .wireHeaders(
            field ->
                switch (field) {
                  case MESSAGE_ID -> AzureServiceBusHeaderNames.CLOUD_EVENTS_ID;
                  case MESSAGE_TYPE -> AzureServiceBusHeaderNames.MESSAGE_TYPE;
                  case TOPIC -> "Topic";
                  case HANDLED_COUNT -> AzureServiceBusHeaderNames.HANDLED_COUNT;
                })
        .forEach(message.getApplicationProperties()::put);
    var builder = LocalBus.CONFIGURATION.clients().sender();
    try (ServiceBusSenderClient sender =
        queues()
            ? builder.queueName(topic.value()).buildClient()
            : builder.topicName(topic.value()).buildClient()) {
      sender.sendMessage(message);
    }
  }
}
