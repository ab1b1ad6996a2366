package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.aws.internal.AwsNames;
import io.brighter.aws.internal.LazyClient;
import io.brighter.aws.internal.SqsQueue;
import io.brighter.aws.internal.SqsWireFormat;
import io.brighter.messaging.Message;
import io.brighter.messaging.Publication;
import io.brighter.scheduler.MessageScheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
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
 * <p><b>Blocking or not</b>: {@link #send} waits for SQS on the blocking client; {@link #sendAsync}
 * returns a future at once and sends on the asynchronous client, made on its first use.
 *
 * <p><b>Size</b>: {@link #maxMessageBytes()} is the publication's, so the outbox refuses a larger
 * message when it is deposited. Thread-safe.
 */
public final class SqsMessageProducer extends AwsMessageProducer {

  private static final Duration MAX_NATIVE_DELAY = Duration.ofMinutes(15);

  private final SqsPublication options;
  private final SqsClient client;
  private final LazyClient<SqsAsyncClient> asyncClient;
  private final SqsQueue queue;

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
    super(publication, scheduler);
    requireNonNull(connection, "connection must not be null");
    this.options = requireNonNull(options, "options must not be null");
    String name = options.queueName() != null ? options.queueName() : publication.topic().value();
    String queueName = AwsNames.queue(name, options.fifo(), "SqsPublication.queueName");
    this.client = connection.sqsClient();
    this.asyncClient = new LazyClient<>(connection::sqsAsyncClient);
    try {
      this.queue =
          SqsQueue.find(
              client,
              options.queueUrl(),
              queueName,
              options.fifo(),
              Map.of(),
              publication.makeChannels());
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The name of the queue this producer sends to. */
  public String queueName() {
    return queue.name();
  }

  @Override
  void sendNow(Message message, Duration delay) {
    client.sendMessage(request(message, delay));
  }

  @Override
  CompletableFuture<Void> sendNowAsync(Message message, Duration delay) {
    return asyncClient.get().sendMessage(request(message, delay)).thenApply(response -> null);
  }

  /** Up to 15 minutes, on a standard queue: SQS takes no delay per message on a FIFO queue. */
  @Override
  boolean holdsBack(Duration delay) {
    return !options.fifo() && delay.compareTo(MAX_NATIVE_DELAY) <= 0;
  }

  @Override
  String cannotHoldBack(Message message, Duration delay) {
    return "SQS queue "
        + queue.name()
        + " cannot hold message "
        + message.id()
        + " back for "
        + delay
        + (options.fifo() ? " (a FIFO queue takes no delay per message)" : " (15 minutes at most)")
        + ": give SqsMessageProducer a MessageScheduler";
  }

  /** The publication's {@link SqsPublication#maxMessageBytes()}. */
  @Override
  public long maxMessageBytes() {
    return options.maxMessageBytes();
  }

  private SendMessageRequest request(Message message, Duration delay) {
    String url = queue.url();
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

  /** Closes the SQS clients. */
  @Override
  public void close() {
    try {
      asyncClient.close();
    } finally {
      client.close();
    }
  }
}
