package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.aws.internal.AwsNames;
import io.brighter.aws.internal.SnsTopics;
import io.brighter.aws.internal.SqsWireFormat;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.scheduler.MessageScheduler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes messages to one SNS topic, which fans them out to the SQS queues subscribed to it
 * (publish-subscribe). The topic is the publication's {@link SnsPublication#topicArn()}, else the
 * one named after its topic; it is created, checked or assumed when the producer is made, as the
 * publication's {@link Publication#makeChannels()} says.
 *
 * {@snippet :
 * var producer = new SnsMessageProducer(aws,
 *     Publication.builder().topic(RoutingKey.of("greeting.added")).build()); // topic greeting_added
 * producer.send(message);
 * }
 *
 * <p><b>On the wire</b> as .NET Brighter writes it ({@link SqsHeaderNames}): string attributes, the
 * CloudEvents fields and the bag in two of them as JSON, the {@code topic} attribute the topic's
 * ARN. On a FIFO topic the partition key is the message group (a message without one goes to the
 * group {@code default}) and the message id the deduplication id, unless the bag names one under
 * {@link SqsHeaderNames#DEDUPLICATION_ID}.
 *
 * <p><b>Delay</b>: SNS cannot hold a message back; a delayed send goes to the {@link
 * MessageScheduler} given to the constructor, else fails with {@link ConfigurationException}.
 *
 * <p><b>Size</b>: {@link #maxMessageBytes()} is the publication's (256 KiB, SNS's limit), so the
 * outbox refuses a larger message when it is deposited. Thread-safe.
 */
public final class SnsMessageProducer implements MessageProducer {

  private final Publication publication;
  private final SnsPublication options;
  private final @Nullable MessageScheduler scheduler;
  private final SnsClient client;
  private final String topicName;
  private volatile @Nullable String topicArn;

  /** A producer for {@code publication} with {@link SnsPublication#DEFAULT} settings. */
  public SnsMessageProducer(AwsConnection connection, Publication publication) {
    this(connection, publication, SnsPublication.DEFAULT, null);
  }

  /**
   * A producer for {@code publication} with {@code options}, delaying through {@code scheduler}
   * when given.
   *
   * @throws ConfigurationException when the topic name is not one SNS takes, or the topic must
   *     exist and does not
   */
  public SnsMessageProducer(
      AwsConnection connection,
      Publication publication,
      SnsPublication options,
      @Nullable MessageScheduler scheduler) {
    requireNonNull(connection, "connection must not be null");
    this.publication = requireNonNull(publication, "publication must not be null");
    this.options = requireNonNull(options, "options must not be null");
    this.scheduler = scheduler;
    this.topicName =
        AwsNames.topic(publication.topic().value(), options.fifo(), "Publication.topic");
    this.client = connection.snsClient();
    try {
      this.topicArn =
          options.topicArn() != null
              ? options.topicArn()
              : SnsTopics.arn(client, topicName, options.fifo(), publication.makeChannels());
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public Publication publication() {
    return publication;
  }

  /** The ARN of the topic this producer publishes to, once known. */
  public @Nullable String topicArn() {
    return topicArn;
  }

  @Override
  public void send(Message message) {
    requireNonNull(message, "message must not be null");
    String arn = arn();
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    SqsWireFormat.attributes(message, arn, false)
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    PublishRequest.Builder request =
        PublishRequest.builder()
            .topicArn(arn)
            .message(SqsWireFormat.body(message))
            .messageAttributes(attributes);
    if (options.fifo()) {
      request
          .messageGroupId(SqsWireFormat.groupId(message))
          .messageDeduplicationId(SqsWireFormat.deduplicationId(message));
    }
    client.publish(request.build());
  }

  /**
   * Hands {@code message} to the scheduler to publish after {@code delay}; publishes at once when
   * the delay is zero.
   *
   * @throws ConfigurationException when there is a delay and no scheduler
   */
  @Override
  public void sendWithDelay(Message message, Duration delay) {
    requireNonNull(message, "message must not be null");
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    if (delay.isZero()) {
      send(message);
    } else if (scheduler != null) {
      scheduler.schedule(message.withHeader(message.header().withDelay(Duration.ZERO)), delay);
    } else {
      throw new ConfigurationException(
          "SNS cannot hold message "
              + message.id()
              + " back for "
              + delay
              + ": give SnsMessageProducer a MessageScheduler");
    }
  }

  /** The publication's {@link SnsPublication#maxMessageBytes()}. */
  @Override
  public long maxMessageBytes() {
    return options.maxMessageBytes();
  }

  private String arn() {
    String arn = topicArn;
    if (arn == null) {
      arn = SnsTopics.arn(client, topicName, options.fifo(), publication.makeChannels());
      if (arn == null) {
        throw new IllegalStateException("SNS topic " + topicName + " does not exist");
      }
      topicArn = arn;
    }
    return arn;
  }

  /** Closes the SNS client. */
  @Override
  public void close() {
    client.close();
  }
}
