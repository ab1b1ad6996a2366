package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.aws.internal.AwsNames;
import io.brighter.aws.internal.SnsSubscriptions;
import io.brighter.aws.internal.SnsTopic;
import io.brighter.aws.internal.SqsQueue;
import io.brighter.aws.internal.SqsWireFormat;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.RejectionHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Reads one SQS queue. Publish-subscribe ({@link SqsChannelType#PUBLISH_SUBSCRIBE}, the default),
 * the queue is named after the channel and subscribed to the SNS topic named after the routing key
 * (where an {@link SnsMessageProducer} of that topic publishes); point to point, the queue is named
 * after the routing key (where an {@link SqsMessageProducer} of that topic sends). Topic, queue and
 * subscription are created, checked or assumed as {@code makeChannels} says, and so is the
 * dead-letter queue, named after the dead-letter routing key. A message in SNS's notification
 * envelope (a subscription without raw delivery) is read from inside it.
 *
 * <p><b>Receiving</b> long-polls for up to the buffer size of messages (1 to 10), waiting the
 * receive timeout in whole seconds (cut down, at most twenty). Each message carries a receipt with
 * its receipt handle; a delivery that cannot be read becomes an unacceptable message that keeps its
 * receipt, so the pump can dead-letter it and delete it.
 *
 * <p><b>Settling.</b> {@link #acknowledge} deletes the message, in batches: the acknowledged
 * messages of a receive are deleted in one {@code DeleteMessageBatch}, sent before the next
 * receive, when ten wait, when the oldest has waited half the visibility timeout, or on {@link
 * #close}. A crash before then brings them again (at least once; an inbox makes it once). {@link
 * #requeue} sends a copy with the handled count the message carries (a delivery budget that
 * survives restarts, unlike a visibility change), held back by the delay up to 15 minutes (a longer
 * one is cut to 15), then deletes the original. On a FIFO queue a delayed requeue instead hides the
 * message for the delay, so it keeps its place in its group, and the handled count is at least
 * SQS's count of the message's earlier deliveries (so a nack counts there too). {@link #nack} makes
 * the message visible again at once, as it came. {@link #reject} sends a copy with the rejection
 * headers ({@link RejectionHeaders}) to the dead-letter queue, then deletes the original. Nothing
 * is deleted before its copy is sent, so a crash may duplicate a message but never loses one; a
 * copy that cannot be sent leaves the original to come back after the visibility timeout. A
 * settlement whose receipt handle expired (a handler slower than the visibility timeout) is logged
 * and returns false: the message comes back, the pump goes on.
 *
 * <p>{@link #close} makes every received, unsettled message visible again at once. A message pump
 * calls it from one thread; {@link #close} may come from another.
 */
public final class SqsMessageConsumer implements MessageConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(SqsMessageConsumer.class);
  private static final int MAX_BUFFER = 10;
  private static final int MAX_WAIT_SECONDS = 20;
  private static final int MAX_DELAY_SECONDS = 900;
  private static final int MAX_VISIBILITY_SECONDS = 43_200;
  private static final int PURGE_ROUNDS = 100;

  /** This consumer's token for one delivery it handed out. */
  private record SqsReceipt(
      SqsMessageConsumer consumer,
      long number,
      long receivedAtNanos,
      String handle,
      Map<String, String> attributes,
      String body)
      implements Receipt {}

  private final SqsClient client;
  private final SqsSubscription options;
  private final RoutingKey routingKey;
  private final int bufferSize;
  private final Map<Long, SqsReceipt> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong deliveryNumbers = new AtomicLong();
  private final SqsQueue queue;
  private final SqsQueue deadLetterQueue;
  private final List<SqsReceipt> pendingDeletes = new ArrayList<>(); // guarded by itself

  /**
   * A consumer of the queue named after {@code channelName} (publish-subscribe: subscribed to the
   * topic named after {@code routingKey}) or after {@code routingKey} (point to point), unless
   * {@code options} give its URL or the topic's ARN, returning at most {@code bufferSize} messages
   * a receive and dead-lettering to the queue named after {@code deadLetterRoutingKey}.
   *
   * @throws io.brighter.ConfigurationException when a name is not one SQS takes, or a queue must
   *     exist and does not
   */
  public SqsMessageConsumer(
      AwsConnection connection,
      SqsSubscription options,
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    requireNonNull(connection, "connection must not be null");
    this.options = requireNonNull(options, "options must not be null");
    this.routingKey = requireNonNull(routingKey, "routingKey must not be null");
    requireNonNull(channelName, "channelName must not be null");
    requireNonNull(makeChannels, "makeChannels must not be null");
    if (bufferSize < 1 || bufferSize > MAX_BUFFER) {
      throw new IllegalArgumentException("bufferSize must be 1 to 10 on SQS: " + bufferSize);
    }
    this.bufferSize = bufferSize;
    boolean publishSubscribe = options.channelType() == SqsChannelType.PUBLISH_SUBSCRIBE;
    String queueName =
        publishSubscribe
            ? AwsNames.queue(channelName, options.fifo(), "channel name")
            : AwsNames.queue(routingKey.value(), options.fifo(), "routing key");
    String deadLetterQueueName =
        AwsNames.queue(
            requireNonNull(deadLetterRoutingKey, "deadLetterRoutingKey must not be null").value(),
            options.fifo(),
            "dead-letter routing key");
    this.client = connection.sqsClient();
    try {
      this.deadLetterQueue =
          SqsQueue.named(client, deadLetterQueueName, options.fifo(), Map.of(), makeChannels);
      this.queue =
          SqsQueue.find(
              client,
              options.queueUrl(),
              queueName,
              options.fifo(),
              queueAttributes(makeChannels),
              makeChannels);
      if (publishSubscribe && makeChannels != OnMissingChannel.ASSUME) {
        subscribe(connection, routingKey, makeChannels);
      }
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The attributes the queue is made with: its visibility timeout and redrive policy. */
  private Map<QueueAttributeName, String> queueAttributes(OnMissingChannel makeChannels) {
    Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
    attributes.put(
        QueueAttributeName.VISIBILITY_TIMEOUT,
        Long.toString(options.visibilityTimeout().toSeconds()));
    SqsRedrivePolicy redrive = options.redrivePolicy();
    if (redrive != null && makeChannels == OnMissingChannel.CREATE) {
      String target =
          redrive.deadLetterQueueName() == null
              ? deadLetterQueue.arn()
              : SqsQueue.named(
                      client,
                      AwsNames.queue(
                          redrive.deadLetterQueueName(),
                          options.fifo(),
                          "SqsRedrivePolicy.deadLetterQueueName"),
                      options.fifo(),
                      Map.of(),
                      makeChannels)
                  .arn();
      attributes.put(
          QueueAttributeName.REDRIVE_POLICY,
          "{\"deadLetterTargetArn\":\""
              + target
              + "\",\"maxReceiveCount\":\""
              + redrive.maxReceiveCount()
              + "\"}");
    }
    return attributes;
  }

  /** Makes (or checks) the topic and the queue's subscription to it, as makeChannels says. */
  private void subscribe(
      AwsConnection connection, RoutingKey routingKey, OnMissingChannel makeChannels) {
    try (SnsClient sns = connection.snsClient()) {
      String topicName = AwsNames.topic(routingKey.value(), options.fifo(), "routing key");
      SnsTopic topic =
          SnsTopic.find(
              sns,
              options.topicArn(),
              topicName,
              options.fifo(),
              makeChannels,
              connection.conventionalTopicArn(topicName));
      String topicArn = topic.knownArn();
      if (topicArn != null && queue.knownUrl() != null) {
        SnsSubscriptions.ensure(
            sns,
            topicArn,
            queue.arn(),
            options.rawMessageDelivery(),
            options.filterPolicy(),
            makeChannels);
      }
    }
  }

  /** The name of the queue this consumer reads. */
  public String queueName() {
    return queue.name();
  }

  /**
   * Up to the buffer size of messages, long-polling up to {@code timeout} (in whole seconds, cut
   * down: a timeout under a second asks once and returns) for the first.
   *
   * @throws ChannelFailureException when SQS cannot be reached or the queue is missing
   */
  @Override
  public List<Message> receive(Duration timeout) {
    int waitSeconds = (int) Math.min(MAX_WAIT_SECONDS, timeout.toSeconds()); // never longer
    deletePending();
    List<software.amazon.awssdk.services.sqs.model.Message> received;
    try {
      String url = url();
      received =
          client
              .receiveMessage(
                  request ->
                      request
                          .queueUrl(url)
                          .maxNumberOfMessages(bufferSize)
                          .waitTimeSeconds(waitSeconds)
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
    } catch (SdkException e) {
      throw ChannelFailureException.of(queue.name(), e);
    }
    List<Message> messages = new ArrayList<>(received.size());
    for (software.amazon.awssdk.services.sqs.model.Message delivery : received) {
      messages.add(toMessage(delivery));
    }
    return messages;
  }

  private Message toMessage(software.amazon.awssdk.services.sqs.model.Message delivery) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, MessageAttributeValue> attribute :
        delivery.messageAttributes().entrySet()) {
      if (attribute.getValue().stringValue() != null) {
        attributes.put(attribute.getKey(), attribute.getValue().stringValue());
      }
    }
    Map<MessageSystemAttributeName, String> system = delivery.attributes();
    String sent = system.get(MessageSystemAttributeName.SENT_TIMESTAMP);
    String body = delivery.body();
    SqsWireFormat.Envelope envelope = attributes.isEmpty() ? SqsWireFormat.unwrap(body) : null;
    if (envelope != null) {
      attributes = envelope.attributes();
      body = envelope.message();
    }
    SqsReceipt receipt =
        new SqsReceipt(
            this,
            deliveryNumbers.incrementAndGet(),
            System.nanoTime(),
            delivery.receiptHandle(),
            Map.copyOf(attributes),
            body);
    inFlight.put(receipt.number(), receipt);
    Message message =
        SqsWireFormat.toMessage(
            attributes,
            body,
            system.get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
            sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent)),
            routingKey,
            receipt);
    String received = system.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    if (options.fifo()
        && received != null
        && message.header().messageType() != MessageType.UNACCEPTABLE) {
      int deliveries = Integer.parseInt(received) - 1; // before this one
      if (deliveries > message.header().handledCount()) {
        return message.withHeader(message.header().withHandledCount(deliveries));
      }
    }
    return message;
  }

  /** Deletes {@code message} from the queue. */
  @Override
  public void acknowledge(Message message) {
    SqsReceipt receipt = settle(message);
    if (receipt == null) {
      return;
    }
    boolean due;
    synchronized (pendingDeletes) {
      pendingDeletes.add(receipt);
      long oldestAgeNanos = System.nanoTime() - pendingDeletes.get(0).receivedAtNanos();
      due =
          pendingDeletes.size() >= MAX_BUFFER
              || oldestAgeNanos > options.visibilityTimeout().toNanos() / 2;
    }
    if (due) {
      deletePending();
    }
  }

  /**
   * Deletes the acknowledged messages waiting, in one request; an entry SQS refuses (an expired
   * receipt handle) is logged, and its message comes again.
   *
   * @throws ChannelFailureException when SQS cannot be reached: the deletes wait for the next try
   */
  private void deletePending() {
    List<SqsReceipt> batch;
    synchronized (pendingDeletes) {
      if (pendingDeletes.isEmpty()) {
        return;
      }
      batch = List.copyOf(pendingDeletes);
      pendingDeletes.clear();
    }
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(batch.get(i).handle())
              .build());
    }
    try {
      String url = url();
      for (BatchResultErrorEntry failed :
          client.deleteMessageBatch(request -> request.queueUrl(url).entries(entries)).failed()) {
        LOG.warn(
            "Could not delete message {} from {}: {} ({}); it comes again",
            batch.get(Integer.parseInt(failed.id())).attributes().get(SqsHeaderNames.ID),
            queue.name(),
            failed.message(),
            failed.code());
      }
    } catch (SdkException | ChannelFailureException e) {
      synchronized (pendingDeletes) {
        pendingDeletes.addAll(0, batch);
      }
      throw e instanceof ChannelFailureException failure
          ? failure
          : ChannelFailureException.of(queue.name(), e);
    }
  }

  /**
   * Sends a copy of {@code message} to the dead-letter queue with {@code reason}, then deletes the
   * original, as the class comment says.
   *
   * @return false when the message was not received by this consumer, was settled before, or its
   *     copy could not be sent
   */
  @Override
  public boolean reject(Message message, RejectionReason reason) {
    requireNonNull(reason, "reason must not be null");
    SqsReceipt receipt = settle(message);
    if (receipt == null) {
      return false;
    }
    Map<String, String> rejection = RejectionHeaders.of(message, reason, Instant.now());
    SendMessageRequest.Builder copy = SendMessageRequest.builder();
    if (message.header().messageType() == MessageType.UNACCEPTABLE) {
      // what could not be read goes as it came, in a bag beside the reason
      Map<String, Object> bag = new LinkedHashMap<>(receipt.attributes());
      bag.putAll(rejection);
      copy.messageBody(receipt.body())
          .messageAttributes(
              SqsWireFormat.sqsAttributes(Map.of(SqsHeaderNames.BAG, SqsWireFormat.json(bag))));
    } else {
      Message dead =
          message.withHeader(
              message.header().toBuilder()
                  .topic(RoutingKey.of(deadLetterQueue.name()))
                  .bag(rejection)
                  .build());
      copy.messageBody(SqsWireFormat.body(message))
          .messageAttributes(
              SqsWireFormat.sqsAttributes(
                  SqsWireFormat.attributes(dead, deadLetterQueue.name(), true)));
    }
    if (options.fifo()) {
      copy.messageGroupId(SqsWireFormat.groupId(message))
          .messageDeduplicationId(
              SqsWireFormat.deduplicationId(message.id().value() + "-rejected"));
    }
    return sendThenDelete(receipt, message, copy, deadLetter(), "dead-letter");
  }

  /**
   * Sends a copy of {@code message}, with the handled count it carries, back to the queue after
   * {@code delay} (15 minutes at most), then deletes the original. A FIFO queue takes no delay per
   * message: there a delayed requeue hides the message for the delay instead (12 hours at most), so
   * it keeps its place in its group, and its handled count then comes from SQS's count of its
   * deliveries.
   *
   * @return false when the message was not received by this consumer, was settled before, or its
   *     copy could not be sent
   */
  @Override
  public boolean requeue(Message message, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    SqsReceipt receipt = settle(message);
    if (receipt == null) {
      return false;
    }
    if (message.header().messageType() == MessageType.UNACCEPTABLE) {
      return hide(receipt, Duration.ZERO); // nothing readable to copy: it comes back as it came
    }
    if (options.fifo() && delay.isPositive()) {
      return hide(receipt, delay); // a FIFO queue takes no delay per message
    }
    String url = url();
    SendMessageRequest.Builder copy =
        SendMessageRequest.builder()
            .messageBody(SqsWireFormat.body(message))
            .messageAttributes(
                SqsWireFormat.sqsAttributes(
                    SqsWireFormat.attributes(
                        message,
                        receipt
                            .attributes()
                            .getOrDefault(SqsHeaderNames.TOPIC, message.header().topic().value()),
                        true)));
    if (options.fifo()) {
      copy.messageGroupId(SqsWireFormat.groupId(message))
          .messageDeduplicationId(
              SqsWireFormat.deduplicationId(
                  message.id().value() + "-" + message.header().handledCount()));
    } else if (delay.isPositive()) {
      copy.delaySeconds(SqsWireFormat.wholeSeconds(delay, MAX_DELAY_SECONDS));
    }
    return sendThenDelete(receipt, message, copy, url, "requeued");
  }

  /**
   * Makes {@code message} visible again at once, as it came; on a FIFO queue it then counts as a
   * delivery, as every requeue there does.
   */
  @Override
  public boolean nack(Message message) {
    SqsReceipt receipt = settle(message);
    return receipt != null && hide(receipt, Duration.ZERO);
  }

  /** Makes the message visible again after {@code delay} (at once for none). */
  private boolean hide(SqsReceipt receipt, Duration delay) {
    int seconds = SqsWireFormat.wholeSeconds(delay, MAX_VISIBILITY_SECONDS);
    try {
      String url = url();
      client.changeMessageVisibility(
          request ->
              request.queueUrl(url).receiptHandle(receipt.handle()).visibilityTimeout(seconds));
      return true;
    } catch (ReceiptHandleIsInvalidException e) {
      LOG.warn("Could not give back a message of {}: its receipt handle expired", queue.name(), e);
      return false;
    } catch (SdkException e) {
      throw ChannelFailureException.of(queue.name(), e);
    }
  }

  /**
   * Empties the queue: {@code PurgeQueue}, or, while SQS refuses another purge within a minute,
   * receiving and deleting until the queue is empty.
   */
  @Override
  public void purge() {
    String url = url();
    try {
      client.purgeQueue(request -> request.queueUrl(url));
    } catch (PurgeQueueInProgressException e) {
      for (int round = 0; round < PURGE_ROUNDS; round++) {
        List<software.amazon.awssdk.services.sqs.model.Message> left =
            client
                .receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(MAX_BUFFER))
                .messages();
        if (left.isEmpty()) {
          return;
        }
        left.forEach(
            message ->
                client.deleteMessage(
                    request -> request.queueUrl(url).receiptHandle(message.receiptHandle())));
      }
    }
  }

  /**
   * Deletes the acknowledged messages waiting, makes every received, unsettled message visible
   * again, then closes the SQS client.
   */
  @Override
  public void close() {
    try {
      try {
        deletePending();
      } catch (ChannelFailureException e) {
        LOG.warn(
            "Could not delete acknowledged messages of {} on close; they come again",
            queue.name(),
            e);
      }
      String url = queue.knownUrl();
      for (SqsReceipt receipt : List.copyOf(inFlight.values())) {
        if (url != null && inFlight.remove(receipt.number()) != null) {
          try {
            client.changeMessageVisibility(
                request ->
                    request.queueUrl(url).receiptHandle(receipt.handle()).visibilityTimeout(0));
          } catch (SdkException e) {
            LOG.debug("Could not give back a message of {} on close", queue.name(), e);
          }
        }
      }
    } finally {
      client.close();
    }
  }

  /** The receipt of {@code message}, no longer in flight; null when it is not this consumer's. */
  private @Nullable SqsReceipt settle(Message message) {
    requireNonNull(message, "message must not be null");
    if (message.receipt() instanceof SqsReceipt receipt
        && receipt.consumer() == this
        && inFlight.remove(receipt.number()) != null) {
      return receipt;
    }
    return null;
  }

  private boolean sendThenDelete(
      SqsReceipt receipt,
      Message message,
      SendMessageRequest.Builder copy,
      String url,
      String what) {
    try {
      client.sendMessage(copy.queueUrl(url).build());
    } catch (SdkException e) {
      LOG.warn(
          "Could not send the {} copy of {}; it comes back after the visibility timeout",
          what,
          message.id(),
          e);
      return false;
    }
    delete(receipt, message);
    return true;
  }

  private void delete(SqsReceipt receipt, Message message) {
    try {
      String url = url();
      client.deleteMessage(request -> request.queueUrl(url).receiptHandle(receipt.handle()));
    } catch (ReceiptHandleIsInvalidException e) {
      LOG.warn(
          "Could not delete message {} from {}: its receipt handle expired (handled for longer"
              + " than the visibility timeout); it comes again",
          message.id(),
          queue.name(),
          e);
    } catch (SdkException e) {
      throw ChannelFailureException.of(queue.name(), e);
    }
  }

  private String url() {
    return urlOf(queue);
  }

  private String deadLetter() {
    return urlOf(deadLetterQueue);
  }

  private static String urlOf(SqsQueue queue) {
    try {
      return queue.url();
    } catch (IllegalStateException | SdkException e) {
      throw ChannelFailureException.of(queue.name(), e);
    }
  }
}
