package io.brighter.aws.internal;

import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The subscription of an SQS queue to an SNS topic: made under {@link OnMissingChannel#CREATE}
 * (with raw message delivery or not), checked under {@code VALIDATE}.
 */
public final class SnsSubscriptions {

  private SnsSubscriptions() {}

  /**
   * Makes sure the queue at {@code queueUrl} is subscribed to {@code topicArn}, as {@code mode}
   * says; {@code ASSUME} does nothing.
   *
   * @throws ConfigurationException under {@code VALIDATE} when the subscription is missing
   */
  public static void ensure(
      SnsClient sns,
      SqsClient sqs,
      String topicArn,
      String queueUrl,
      boolean raw,
      OnMissingChannel mode) {
    if (mode == OnMissingChannel.ASSUME) {
      return;
    }
    String queueArn =
        sqs.getQueueAttributes(
                request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    if (queueArn == null) {
      throw new IllegalStateException("SQS gave no ARN for the queue at " + queueUrl);
    }
    for (Subscription subscription :
        sns.listSubscriptionsByTopicPaginator(request -> request.topicArn(topicArn))
            .subscriptions()) {
      if ("sqs".equals(subscription.protocol()) && queueArn.equals(subscription.endpoint())) {
        return;
      }
    }
    if (mode == OnMissingChannel.VALIDATE) {
      throw new ConfigurationException(
          "SQS queue " + queueArn + " is not subscribed to SNS topic " + topicArn);
    }
    sns.subscribe(
        request ->
            request
                .topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", Boolean.toString(raw)))
                .returnSubscriptionArn(true));
  }
}
