package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.aws.internal.AwsNames;
import io.brighter.aws.internal.LazyClient;
import io.brighter.aws.internal.SnsTopic;
import io.brighter.aws.internal.SqsWireFormat;
import io.brighter.messaging.Message;
import io.brighter.messaging.Publication;
import io.brighter.scheduler.MessageScheduler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
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
 * <p><b>Blocking or not</b>: {@link #send} waits for SNS on the blocking client; {@link #sendAsync}
 * returns a future at once and publishes on the asynchronous client, made on its first use.
 *
 * <p><b>Size</b>: {@link #maxMessageBytes()} is the publication's (256 KiB, SNS's limit), so the
 * outbox refuses a larger message when it is deposited. Thread-safe.
 */
public final class SnsMessageProducer extends AwsMessageProducer {

  private final SnsPublication options;
  private final SnsClient client;
  private final LazyClient<SnsAsyncClient> asyncClient;
  private final SnsTopic topic;

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
    super(publication, scheduler);
    requireNonNull(connection, "connection must not be null");
    this.options = requireNonNull(options, "options must not be null");
    String topicName =
        AwsNames.topic(publication.topic().value(), options.fifo(), "Publication.topic");
    this.client = connection.snsClient();
    this.asyncClient = new LazyClient<>(connection::snsAsyncClient);
    try {
      this.topic =
          SnsTopic.find(
              client,
              options.topicArn(),
              topicName,
              options.fifo(),
              publication.makeChannels(),
              connection.conventionalTopicArn(topicName));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The ARN of the topic this producer publishes to, once known. */
  public @Nullable String topicArn() {
    return topic.knownArn();
  }

  @Override
  void sendNow(Message message, Duration delay) {
    client.publish(request(message));
  }

  @Override
  CompletableFuture<Void> sendNowAsync(Message message, Duration delay) {
    return asyncClient.get().publish(request(message)).thenApply(response -> null);
  }

  /** Never: SNS cannot hold a message back. */
  @Override
  boolean holdsBack(Duration delay) {
    return false;
  }

  @Override
  String cannotHoldBack(Message message, Duration delay) {
    return "SNS cannot hold message "
        + message.id()
        + " back for "
        + delay
        + ": give SnsMessageProducer a MessageScheduler";
  }

  /** The publication's {@link SnsPublication#maxMessageBytes()}. */
  @Override
  public long maxMessageBytes() {
    return options.maxMessageBytes();
  }

  private PublishRequest request(Message message) {
    String arn = topic.arn();
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
    return request.build();
  }

  /** Closes the SNS clients. */
  @Override
  public void close() {
    try {
      asyncClient.close();
    } finally {
      client.close();
    }
  }
}
