package io.brighter.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.ConfigurationException;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The SQS settings of the consumers of a subscription, carried by the channel factory beside the
 * core {@link io.brighter.messaging.Subscription}.
 *
 * {@snippet :
 * var factory = new SqsChannelFactory(aws, SqsSubscription.DEFAULT.withVisibilityTimeout(Duration.ofMinutes(2)));
 * var direct = new SqsChannelFactory(aws, SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT));
 * var filtered = new SqsChannelFactory(aws, SqsSubscription.DEFAULT
 *     .withFilterPolicy("{\"message-type\": [\"MT_EVENT\"]}")
 *     .withRedrivePolicy(new SqsRedrivePolicy(5, null)));
 * }
 *
 * <p>Topics and queues are found by name (made from the routing key and channel name, a {@code .}
 * becoming {@code _}) unless an ARN or URL is given; one given is used as it is (it may be in
 * another account), never created, and checked unless the subscription assumes its channels.
 *
 * @param channelType publish-subscribe (an SNS topic named after the routing key feeds a queue
 *     named after the channel) or point to point (the queue is named after the routing key)
 * @param visibilityTimeout how long a received message stays hidden from other consumers while it
 *     is handled (the queue's {@code VisibilityTimeout} when the consumer makes the queue): a
 *     handler that takes longer sees the message delivered again, and its settlement fails (logged,
 *     never fatal)
 * @param rawMessageDelivery whether the topic delivers the message as it was published (its
 *     attributes as SQS attributes) rather than in SNS's notification envelope; both are read
 * @param fifo whether the queue (and topic) is FIFO
 * @param topicArn the topic's ARN (publish-subscribe); null to find the topic by name
 * @param queueUrl the queue's URL; null to find the queue by name
 * @param redrivePolicy SQS's own dead-lettering, set on the queue when the consumer creates it;
 *     null for none
 * @param filterPolicy an SNS filter policy (JSON) on the queue's subscription to the topic, matched
 *     against the message attributes ({@link SqsHeaderNames}); null to take every message
 */
public record SqsSubscription(
    SqsChannelType channelType,
    Duration visibilityTimeout,
    boolean rawMessageDelivery,
    boolean fifo,
    @Nullable String topicArn,
    @Nullable String queueUrl,
    @Nullable SqsRedrivePolicy redrivePolicy,
    @Nullable String filterPolicy) {

  /**
   * Publish-subscribe, visibility timeout 30 s (SQS's default), raw delivery, standard, found by
   * name, no redrive policy, no filter.
   */
  public static final SqsSubscription DEFAULT =
      new SqsSubscription(
          SqsChannelType.PUBLISH_SUBSCRIBE,
          Duration.ofSeconds(30),
          true,
          false,
          null,
          null,
          null,
          null);

  private static final long MAX_VISIBILITY_SECONDS = 43_200;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the parts. */
  public SqsSubscription {
    if (channelType == null) {
      throw new ConfigurationException("SqsSubscription.channelType may not be null");
    }
    if (visibilityTimeout == null
        || visibilityTimeout.isNegative()
        || visibilityTimeout.toSeconds() > MAX_VISIBILITY_SECONDS) {
      throw new ConfigurationException(
          "SqsSubscription.visibilityTimeout must be 0 to 12 hours: " + visibilityTimeout);
    }
    if (topicArn != null && !topicArn.startsWith("arn:")) {
      throw new ConfigurationException("SqsSubscription.topicArn is not an ARN: " + topicArn);
    }
    checkQueueUrl(queueUrl, "SqsSubscription.queueUrl");
    if (filterPolicy != null) {
      checkFilterPolicy(filterPolicy);
    }
  }

  /** These settings with channel type {@code value}. */
  public SqsSubscription withChannelType(SqsChannelType value) {
    return with(parts -> parts.channelType = value);
  }

  /** These settings with a visibility timeout of {@code value}. */
  public SqsSubscription withVisibilityTimeout(Duration value) {
    return with(parts -> parts.visibilityTimeout = value);
  }

  /** These settings with raw message delivery or the notification envelope. */
  public SqsSubscription withRawMessageDelivery(boolean value) {
    return with(parts -> parts.rawMessageDelivery = value);
  }

  /** These settings for FIFO queues (and topics) or not. */
  public SqsSubscription withFifo(boolean value) {
    return with(parts -> parts.fifo = value);
  }

  /** These settings subscribing to the topic {@code value}. */
  public SqsSubscription withTopicArn(@Nullable String value) {
    return with(parts -> parts.topicArn = value);
  }

  /** These settings reading the queue at {@code value}. */
  public SqsSubscription withQueueUrl(@Nullable String value) {
    return with(parts -> parts.queueUrl = value);
  }

  /** These settings with SQS's own dead-lettering {@code value}. */
  public SqsSubscription withRedrivePolicy(@Nullable SqsRedrivePolicy value) {
    return with(parts -> parts.redrivePolicy = value);
  }

  /** These settings with the subscription filter policy {@code value} (JSON). */
  public SqsSubscription withFilterPolicy(@Nullable String value) {
    return with(parts -> parts.filterPolicy = value);
  }

  /** These settings with the changes {@code change} makes to a copy of their parts. */
  private SqsSubscription with(Consumer<Parts> change) {
    Parts parts = new Parts(this);
    change.accept(parts);
    return new SqsSubscription(
        parts.channelType,
        parts.visibilityTimeout,
        parts.rawMessageDelivery,
        parts.fifo,
        parts.topicArn,
        parts.queueUrl,
        parts.redrivePolicy,
        parts.filterPolicy);
  }

  /** The parts of a subscription's settings, to change one or two in a copy. */
  private static final class Parts {
    SqsChannelType channelType;
    Duration visibilityTimeout;
    boolean rawMessageDelivery;
    boolean fifo;
    @Nullable String topicArn;
    @Nullable String queueUrl;
    @Nullable SqsRedrivePolicy redrivePolicy;
    @Nullable String filterPolicy;

    Parts(SqsSubscription settings) {
      channelType = settings.channelType;
      visibilityTimeout = settings.visibilityTimeout;
      rawMessageDelivery = settings.rawMessageDelivery;
      fifo = settings.fifo;
      topicArn = settings.topicArn;
      queueUrl = settings.queueUrl;
      redrivePolicy = settings.redrivePolicy;
      filterPolicy = settings.filterPolicy;
    }
  }

  static void checkQueueUrl(@Nullable String url, String property) {
    if (url != null
        && (!(url.startsWith("https://") || url.startsWith("http://"))
            || url.endsWith("/")
            || url.chars().anyMatch(Character::isWhitespace))) {
      throw new ConfigurationException(property + " is not a queue URL: " + url);
    }
  }

  private static void checkFilterPolicy(String policy) {
    try {
      if (!JSON.readTree(policy).isObject()) {
        throw new ConfigurationException(
            "SqsSubscription.filterPolicy must be a JSON object: " + policy);
      }
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          "SqsSubscription.filterPolicy is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
