package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.aws.SqsChannelType;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AWS transport's settings, under {@code brighter.aws}: the connection, and the publications
 * and subscriptions the starter makes producers and subscriptions of, so an application on SNS and
 * SQS needs no transport beans of its own.
 *
 * <pre>
 * brighter.aws.region=eu-west-1
 * brighter.aws.publications[0].topic=greeting.added
 * brighter.aws.subscriptions[0].name=greetings
 * brighter.aws.subscriptions[0].routing-key=greeting.added
 * brighter.aws.subscriptions[0].request-type=com.example.GreetingAdded
 * </pre>
 *
 * <p>Where a connection setting is not given, Spring Cloud AWS's is used ({@code
 * spring.cloud.aws.region.static}, {@code spring.cloud.aws.endpoint}, {@code
 * spring.cloud.aws.credentials.access-key} and {@code secret-key}), then the AWS SDK's own chains
 * (environment, profile, instance role).
 *
 * @param region The AWS region; else spring.cloud.aws.region.static, else the SDK's region chain
 * @param endpoint The endpoint of SNS and SQS, for a local endpoint; else
 *     spring.cloud.aws.endpoint, else AWS's own
 * @param accessKey The access key, with secretKey; else spring.cloud.aws.credentials, else the
 *     SDK's default credentials chain
 * @param secretKey The secret key, with accessKey
 * @param accountId The account's twelve-digit id: topics are then found by the ARN they have by
 *     convention, without listing the account's topics
 * @param publications The topics (SNS) and queues (SQS) the application sends to, one producer each
 * @param subscriptions The queues the dispatcher reads, one subscription each
 */
@ConfigurationProperties("brighter.aws")
public record BrighterAwsProperties(
    @Nullable String region,
    @Nullable URI endpoint,
    @Nullable String accessKey,
    @Nullable String secretKey,
    @Nullable String accountId,
    @DefaultValue List<Publication> publications,
    @DefaultValue List<Subscription> subscriptions) {

  /**
   * One publication: an SNS producer (publish-subscribe) or an SQS producer (point to point).
   *
   * @param topic The routing key; the topic or queue is named after it (a '.' becomes '_')
   * @param channelType publish-subscribe (SNS topic) or point-to-point (SQS queue)
   * @param requestType The request type sent to this topic, when the topic cannot be told from it
   * @param makeChannels What to do when the topic or queue is missing: create, validate or assume
   * @param fifo Whether the topic or queue is FIFO
   * @param topicArn The topic's ARN, used as it is (publish-subscribe)
   * @param queueName The queue's name, when not the topic's (point to point)
   * @param queueUrl The queue's URL, used as it is (point to point)
   * @param maxMessageBytes The largest message; SNS's or SQS's limit when not set
   */
  public record Publication(
      String topic,
      @DefaultValue("publish-subscribe") SqsChannelType channelType,
      @Nullable Class<? extends Request> requestType,
      @DefaultValue("create") OnMissingChannel makeChannels,
      @DefaultValue("false") boolean fifo,
      @Nullable String topicArn,
      @Nullable String queueName,
      @Nullable String queueUrl,
      @Nullable Long maxMessageBytes)
      implements PublicationProperties {}

  /**
   * One subscription: an SQS queue, subscribed to an SNS topic (publish-subscribe) or read as it is
   * (point to point). Settings left out take the defaults of Subscription and SqsSubscription.
   *
   * @param name The subscription's name
   * @param channelName The queue's name (publish-subscribe); the name when not set
   * @param routingKey The topic (publish-subscribe) or queue (point to point) routing key
   * @param requestType The request type the messages map to
   * @param channelType publish-subscribe (queue subscribed to a topic) or point-to-point
   * @param makeChannels What to do when the topic, queue or subscription is missing
   * @param messagePumpType reactor (blocking handlers) or proactor (asynchronous handlers)
   * @param performers The number of pumps reading the queue
   * @param bufferSize Messages a receive returns, 1 to 10
   * @param timeout How long a receive waits for a message (long polling, whole seconds)
   * @param requeueCount How many times a message may be requeued before it is dead-lettered; -1 for
   *     no limit
   * @param requeueDelay The delay of a requeue
   * @param unacceptableMessageLimit Unacceptable messages before the pump stops; 0 for no limit
   * @param deadLetterRoutingKey The dead-letter queue's routing key
   * @param fifo Whether the queue (and topic) is FIFO
   * @param visibilityTimeout How long a received message stays hidden while it is handled
   * @param rawMessageDelivery Whether the topic delivers messages raw, not in SNS's envelope
   * @param topicArn The topic's ARN, used as it is
   * @param queueUrl The queue's URL, used as it is
   * @param filterPolicy An SNS filter policy (JSON) on the queue's subscription
   * @param redriveMaxReceiveCount Receives after which SQS itself moves a message to the
   *     dead-letter queue (a redrive policy); none when not set
   */
  public record Subscription(
      String name,
      @Nullable String channelName,
      String routingKey,
      Class<? extends Request> requestType,
      @DefaultValue("publish-subscribe") SqsChannelType channelType,
      @DefaultValue("create") OnMissingChannel makeChannels,
      @DefaultValue("reactor") MessagePumpType messagePumpType,
      @Nullable Integer performers,
      @Nullable Integer bufferSize,
      @Nullable Duration timeout,
      @Nullable Integer requeueCount,
      @Nullable Duration requeueDelay,
      @Nullable Integer unacceptableMessageLimit,
      @Nullable String deadLetterRoutingKey,
      @DefaultValue("false") boolean fifo,
      @DefaultValue("30s") Duration visibilityTimeout,
      @DefaultValue("true") boolean rawMessageDelivery,
      @Nullable String topicArn,
      @Nullable String queueUrl,
      @Nullable String filterPolicy,
      @Nullable Integer redriveMaxReceiveCount)
      implements SubscriptionProperties {}
}
