package io.brighter.aws.internal;

import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The subscription of an SQS queue to an SNS topic: made under {@link OnMissingChannel#CREATE}
 * (with raw message delivery or not, and a filter policy when given), checked under {@code
 * VALIDATE}.
 */
public final class SnsSubscriptions {

  private static final String FILTER_POLICY = "FilterPolicy";

  private SnsSubscriptions() {}

  /**
   * Makes sure the queue {@code queueArn} is subscribed to {@code topicArn}, as {@code mode} says;
   * {@code ASSUME} does nothing. Under {@code CREATE} an existing subscription takes {@code
   * filterPolicy} when one is given, so the policy in the code is the one in force.
   *
   * @throws ConfigurationException under {@code VALIDATE} when the subscription is missing
   */
  public static void ensure(
      SnsClient sns,
      String topicArn,
      String queueArn,
      boolean raw,
      @Nullable String filterPolicy,
      OnMissingChannel mode) {
    if (mode == OnMissingChannel.ASSUME) {
      return;
    }
    for (Subscription subscription :
        sns.listSubscriptionsByTopicPaginator(request -> request.topicArn(topicArn))
            .subscriptions()) {
      if ("sqs".equals(subscription.protocol()) && queueArn.equals(subscription.endpoint())) {
        if (filterPolicy != null && mode == OnMissingChannel.CREATE) {
          sns.setSubscriptionAttributes(
              request ->
                  request
                      .subscriptionArn(subscription.subscriptionArn())
                      .attributeName(FILTER_POLICY)
                      .attributeValue(filterPolicy));
        }
        return;
      }
    }
    if (mode == OnMissingChannel.VALIDATE) {
      throw new ConfigurationException(
          "SQS queue " + queueArn + " is not subscribed to SNS topic " + topicArn);
    }
    Map<String, String> attributes = new HashMap<>();
    attributes.put("RawMessageDelivery", Boolean.toString(raw));
    if (filterPolicy != null) {
      attributes.put(FILTER_POLICY, filterPolicy);
    }
    sns.subscribe(
        request ->
            request
                .topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(attributes)
                .returnSubscriptionArn(true));
  }
}
