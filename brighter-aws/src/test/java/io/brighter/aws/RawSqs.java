package io.brighter.aws;

import io.brighter.aws.internal.AwsNames;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.RawDelivery;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends a raw delivery to the queue of a topic with the SDK, as a publisher that is not Brighter
 * would: its fields and headers as string attributes under .NET Brighter's names (SQS takes no
 * empty attribute value, so an empty one is left out), its body as UTF-8 text.
 */
final class RawSqs {

  private RawSqs() {}

  /** The delivery's fields and headers under .NET Brighter's names, empty values left out. */
  static Map<String, String> attributes(RawDelivery delivery) {
    Map<String, String> attributes = new HashMap<>();
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
                attributes.put(name, value);
              }
            });
    return attributes;
  }

  static void send(RoutingKey topic, RawDelivery delivery, boolean fifo) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    attributes(delivery)
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    try (SqsClient client = LocalAwsConnection.AWS.sqsClient()) {
      String queue = AwsNames.queue(topic.value(), fifo, "topic");
      String url = client.getQueueUrl(request -> request.queueName(queue)).queueUrl();
      String body = new String(delivery.body(), StandardCharsets.UTF_8);
      client.sendMessage(
          request -> {
            request
                .queueUrl(url)
                .messageBody(body.isEmpty() ? " " : body)
                .messageAttributes(attributes);
            if (fifo) {
              request.messageGroupId("raw").messageDeduplicationId(UUID.randomUUID().toString());
            }
          });
    }
  }
}
