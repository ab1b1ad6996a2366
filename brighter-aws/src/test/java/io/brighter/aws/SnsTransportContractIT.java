package io.brighter.aws;

import io.brighter.aws.internal.AwsNames;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.scheduler.InMemoryScheduler;
import io.brighter.testing.transport.RawDelivery;
import io.brighter.testing.transport.TransportContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The AWS transport, publish-subscribe (an SNS topic feeding an SQS queue, raw delivery), keeps
 * every rule of the transport contract on the local endpoint; a delayed publish goes through an
 * {@link InMemoryScheduler}, a delayed requeue waits in SQS.
 */
class SnsTransportContractIT extends TransportContract {

  private final InMemoryScheduler scheduler = InMemoryScheduler.builder().build();

  @AfterEach
  void stopTheScheduler() {
    scheduler.close();
  }

  /** The subscription settings of the case's consumers. */
  SqsSubscription subscription() {
    return SqsSubscription.DEFAULT;
  }

  /** Whether topics and queues are FIFO. */
  boolean fifo() {
    return subscription().fifo();
  }

  @Override
  protected MessageProducer createProducer(Publication publication) {
    SnsMessageProducer producer =
        new SnsMessageProducer(
            LocalAwsConnection.AWS,
            publication,
            SnsPublication.DEFAULT.withFifo(fifo()),
            scheduler);
    scheduler.bind(io.brighter.messaging.ProducerRegistry.of(List.of(producer)));
    return producer;
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    return new SqsMessageConsumer(
        LocalAwsConnection.AWS,
        subscription(),
        routingKey,
        channelName,
        bufferSize,
        deadLetterRoutingKey,
        makeChannels);
  }

  /**
   * Dead letters go point to point to the queue named after the dead-letter routing key, as .NET
   * Brighter sends them.
   */
  @Override
  protected MessageConsumer createDeadLetterConsumer(
      RoutingKey deadLetterRoutingKey, String channelName) {
    return new SqsMessageConsumer(
        LocalAwsConnection.AWS,
        subscription().withChannelType(SqsChannelType.POINT_TO_POINT),
        deadLetterRoutingKey,
        channelName,
        1,
        RoutingKey.of(deadLetterRoutingKey.value() + "-dlq"),
        OnMissingChannel.CREATE);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected boolean supportsDelay() {
    return true;
  }

  /** A standard topic and queue do not promise order. */
  @Override
  protected boolean preservesOrder() {
    return false;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  /**
   * Publishes the raw delivery to the topic with the SDK: its fields and headers as string
   * attributes under .NET Brighter's names (SNS takes no empty value, so an empty one is left out),
   * its body as UTF-8 text.
   */
  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    RawSqs.attributes(delivery)
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    try (SnsClient client = LocalAwsConnection.AWS.snsClient()) {
      String name = AwsNames.topic(topic.value(), fifo(), "topic");
      Map<String, String> topicAttributes = fifo() ? Map.of("FifoTopic", "true") : Map.of();
      String arn =
          client.createTopic(request -> request.name(name).attributes(topicAttributes)).topicArn();
      String body = new String(delivery.body(), StandardCharsets.UTF_8);
      client.publish(
          request -> {
            request
                .topicArn(arn)
                .message(body.isEmpty() ? " " : body)
                .messageAttributes(attributes);
            if (fifo()) {
              request.messageGroupId("raw").messageDeduplicationId(UUID.randomUUID().toString());
            }
          });
    }
  }
}
