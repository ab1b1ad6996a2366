package io.brighter.aws.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighter.aws.local.SnsRequest.Attribute;
import io.brighter.aws.local.SnsTopics.Publish;
import io.brighter.aws.local.SnsTopics.Subscription;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Delivers a published message to a subscribed SQS queue as SNS does: with raw message delivery,
 * the message as the body and its attributes as SQS message attributes; without, the SNS
 * notification envelope as the body (its {@code Message}, {@code MessageAttributes} of {@code Type}
 * and {@code Value}, {@code TopicArn}, {@code MessageId}, {@code Timestamp}, and a signature that
 * is not real). To a FIFO queue it passes the message group and deduplication ids on. A queue that
 * is gone loses the message, as on SNS, with a warning.
 */
final class SqsDelivery {

  private static final System.Logger LOG = System.getLogger(SqsDelivery.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

  SqsDelivery(SqsClient sqs) {
    this.sqs = sqs;
  }

  void deliver(
      Subscription subscription,
      Publish publish,
      String messageId,
      @Nullable String deduplicationId,
      Instant at) {
    String queueName =
        subscription.endpoint().substring(subscription.endpoint().lastIndexOf(':') + 1);
    try {
      String url =
          queueUrls.computeIfAbsent(
              queueName, name -> sqs.getQueueUrl(request -> request.queueName(name)).queueUrl());
      SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(url);
      if (subscription.raw()) {
        request
            .messageBody(publish.message())
            .messageAttributes(sqsAttributes(publish.attributes()));
      } else {
        request.messageBody(envelope(publish, messageId, at));
      }
      if (queueName.endsWith(".fifo")) {
        request.messageGroupId(publish.groupId()).messageDeduplicationId(deduplicationId);
      }
      sqs.sendMessage(request.build());
    } catch (SdkException e) {
      queueUrls.remove(queueName);
      LOG.log(
          System.Logger.Level.WARNING,
          "Local SNS could not deliver " + messageId + " to " + subscription.endpoint(),
          e);
    }
  }

  private static Map<String, MessageAttributeValue> sqsAttributes(
      Map<String, Attribute> attributes) {
    Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
    attributes.forEach(
        (name, attribute) -> {
          MessageAttributeValue.Builder value =
              MessageAttributeValue.builder().dataType(attribute.dataType());
          if (attribute.binaryValue() != null) {
            value.binaryValue(
                SdkBytes.fromByteArray(Base64.getDecoder().decode(attribute.binaryValue())));
          } else {
            value.stringValue(attribute.stringValue());
          }
          values.put(name, value.build());
        });
    return values;
  }

  private static String envelope(Publish publish, String messageId, Instant at) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("Type", "Notification");
    envelope.put("MessageId", messageId);
    envelope.put("TopicArn", publish.topicArn());
    if (publish.subject() != null) {
      envelope.put("Subject", publish.subject());
    }
    envelope.put("Message", publish.message());
    envelope.put("Timestamp", at.toString());
    envelope.put("SignatureVersion", "1");
    envelope.put("Signature", "local");
    envelope.put("SigningCertURL", "");
    envelope.put("UnsubscribeURL", "");
    if (!publish.attributes().isEmpty()) {
      ObjectNode attributes = envelope.putObject("MessageAttributes");
      publish
          .attributes()
          .forEach(
              (name, attribute) ->
                  attributes
                      .putObject(name)
                      .put("Type", attribute.dataType())
                      .put(
                          "Value",
                          attribute.stringValue() != null
                              ? attribute.stringValue()
                              : attribute.binaryValue()));
    }
    return envelope.toString();
  }
}
