package io.brighter.aws;

import io.brighter.aws.local.LocalSqs;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.RawDelivery;
import io.brighter.testing.transport.TransportContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The SQS transport, point to point, keeps every rule of the transport contract on the local SQS
 * endpoint (ElasticMQ with SQS's limits); SQS holds delayed sends and requeues back itself.
 */
class SqsTransportContractIT extends TransportContract {

  static final LocalSqs SQS = LocalSqs.shared();

  static final AwsConnection AWS = LocalAwsConnection.AWS;

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new SqsMessageProducer(AWS, publication);
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    return new SqsMessageConsumer(
        AWS,
        SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT),
        routingKey,
        channelName,
        bufferSize,
        deadLetterRoutingKey,
        makeChannels);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofSeconds(1);
  }

  /** SQS delays a message up to 15 minutes itself. */
  @Override
  protected boolean supportsDelay() {
    return true;
  }

  /** A standard queue does not promise order; a FIFO queue does, per message group. */
  @Override
  protected boolean preservesOrder() {
    return false;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  /**
   * Sends the raw delivery with the SDK: its fields and headers as string attributes under .NET
   * Brighter's names (SQS takes no empty attribute value, so an empty one is left out), its body as
   * UTF-8 text.
   */
  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    delivery
        .wireHeaders(
            field ->
                switch (field) {
                  case MESSAGE_ID -> SqsHeaderNames.ID;
                  case MESSAGE_TYPE -> SqsHeaderNames.MESSAGE_TYPE;
                  case TOPIC -> SqsHeaderNames.TOPIC;
                  case HANDLED_COUNT -> SqsHeaderNames.HANDLED_COUNT;
                })
        .forEach(
            (name, value) -> {
              if (!value.isEmpty()) {
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build());
              }
            });
    try (SqsClient client = SQS.client()) {
      String url = client.getQueueUrl(request -> request.queueName(topic.value())).queueUrl();
      String body = new String(delivery.body(), StandardCharsets.UTF_8);
      client.sendMessage(
          request ->
              request
                  .queueUrl(url)
                  .messageBody(body.isEmpty() ? " " : body)
                  .messageAttributes(attributes));
    }
  }
}
