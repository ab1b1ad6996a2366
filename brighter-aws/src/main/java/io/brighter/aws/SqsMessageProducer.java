package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.aws.internal.AwsNames;
import io.brighter.aws.internal.SqsQueues;
import io.brighter.aws.internal.SqsWireFormat;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.scheduler.MessageScheduler;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends messages straight to one SQS queue: point to point, no topic. The queue is the
 * publication's {@link SqsPublication#queueName()}, else the one named after its topic; it is
 * created, checked or assumed when the producer is made, as the publication's {@link
 * Publication#makeChannels()} says.
 *
 * {@snippet :
 * var producer = new SqsMessageProducer(aws,
 *     Publication.builder().topic(RoutingKey.of("greeting.added")).build()); // queue greeting_added
 * producer.send(message);
 * }
 *
 * <p><b>On the wire</b> as .NET Brighter writes it ({@link SqsHeaderNames}): at most ten string
 * attributes, the CloudEvents fields and the bag in two of them as JSON. On a FIFO queue the
 * partition key is the message group (a message without one goes to the group {@code default}) and
 * the message id the deduplication id, unless the bag names one under {@link
 * SqsHeaderNames#DEDUPLICATION_ID}.
 *
 * <p><b>Delay</b>: up to 15 minutes a standard queue holds the message back itself ({@code
 * DelaySeconds}); a longer delay, and any delay on a FIFO queue (which takes none per message),
 * goes to the {@link MessageScheduler} given to the constructor, else fails with {@link
 * ConfigurationException}.
 *
 * <p><b>Size</b>: {@link #maxMessageBytes()} is the publication's, so the outbox refuses a larger
 * message when it is deposited. Thread-safe.
 */
public final class SqsMessageProducer implements MessageProducer {

  private static final Duration MAX_NATIVE_DELAY = Duration.ofMinutes(15);

  private final Publication publication;
  private final SqsPublication options;
  private final @Nullable MessageScheduler scheduler;
  private final SqsClient client;
  private final String queueName;
  private volatile @Nullable String queueUrl;

  /** A producer for {@code publication} with {@link SqsPublication#DEFAULT} settings. */
  public SqsMessageProducer(AwsConnection connection, Publication publication) {
    this(connection, publication, SqsPublication.DEFAULT, null);
  }

  /**
   * A producer for {@code publication} with {@code options}, delaying beyond what SQS can through
   * {@code scheduler} when given.
   *
   * @throws ConfigurationException when the queue name is not one SQS takes, or the queue must
   *     exist and does not
   */
  public SqsMessageProducer(
      AwsConnection connection,
      Publication publication,
      SqsPublication options,
      @Nullable MessageScheduler scheduler) {
    requireNonNull(connection, "connection must not be null");
    this.publication = requireNonNull(publication, "publication must not be null");
    this.options = requireNonNull(options, "options must not be null");
    this.scheduler = scheduler;
    String name = options.queueName() != null ? options.queueName() : publication.topic().value();
    this.queueName = AwsNames.queue(name, options.fifo(), "SqsPublication.queueName");
    this.client = connection.sqsClient();
    try {
      this.queueUrl =
          SqsQueues.url(client, queueName, options.fifo(), null, publication.makeChannels());
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public Publication publication() {
    return publication;
  }

  /** The name of the queue this producer sends to. */
  public String queueName() {
    return queueName;
  }

  @Override
  public void send(Message message) {
    requireNonNull(message, "message must not be null");
    client.sendMessage(request(message, Duration.ZERO));
  }

  /**
   * Sends {@code message} to be delivered after {@code delay}, as the class comment says.
   *
   * @throws ConfigurationException when the delay needs a scheduler and none was given
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
    } else if (!options.fifo() && delay.compareTo(MAX_NATIVE_DELAY) <= 0) {
      client.sendMessage(request(message, delay));
    } else if (scheduler != null) {
      scheduler.schedule(message.withHeader(message.header().withDelay(Duration.ZERO)), delay);
    } else {
      throw new ConfigurationException(
          "SQS queue "
              + queueName
              + " cannot hold message "
              + message.id()
              + " back for "
              + delay
              + (options.fifo()
                  ? " (a FIFO queue takes no delay per message)"
                  : " (15 minutes at most)")
              + ": give SqsMessageProducer a MessageScheduler");
    }
  }

  /** The publication's {@link SqsPublication#maxMessageBytes()}. */
  @Override
  public long maxMessageBytes() {
    return options.maxMessageBytes();
  }

  private SendMessageRequest request(Message message, Duration delay) {
    String url = url();
    SendMessageRequest.Builder request =
        SendMessageRequest.builder()
            .queueUrl(url)
            .messageBody(SqsWireFormat.body(message))
            .messageAttributes(
                SqsWireFormat.sqsAttributes(SqsWireFormat.attributes(message, url, true)));
    if (delay.isPositive()) {
      request.delaySeconds(SqsWireFormat.wholeSeconds(delay, Integer.MAX_VALUE));
    }
    if (options.fifo()) {
      request
          .messageGroupId(SqsWireFormat.groupId(message))
          .messageDeduplicationId(SqsWireFormat.deduplicationId(message));
    }
    return request.build();
  }

  /**
   * The queue's URL, looked up now if the queue was assumed and missing when the producer began.
   */
  private String url() {
    String url = queueUrl;
    if (url == null) {
      url = SqsQueues.url(client, queueName, options.fifo(), null, publication.makeChannels());
      if (url == null) {
        throw new IllegalStateException("SQS queue " + queueName + " does not exist");
      }
      queueUrl = url;
    }
    return url;
  }

  /** Closes the SQS client. */
  @Override
  public void close() {
    client.close();
  }
}
