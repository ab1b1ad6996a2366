package io.brighter.azure;

import static java.util.Objects.requireNonNull;

import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import com.azure.messaging.servicebus.ServiceBusSenderAsyncClient;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.azure.messaging.servicebus.models.CreateMessageBatchOptions;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageProducerAsync;
import io.brighter.messaging.MessageTooLargeException;
import io.brighter.messaging.Publication;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Sends messages to the Service Bus topic named after the publication's topic, or to the queue of
 * that name when {@link AzureServiceBusPublication#useServiceBusQueue()}. The topic or queue is
 * made, checked or assumed when the producer is made, as the publication's {@link
 * Publication#makeChannels()} says.
 *
 * {@snippet :
 * var producer = new AzureServiceBusMessageProducer(bus,
 *     Publication.builder().topic(RoutingKey.of("greeting.added")).build());
 * producer.send(message);
 * }
 *
 * <p><b>On the wire</b> as .NET Brighter writes it: the header fields as application properties
 * ({@link AzureServiceBusHeaderNames}), the message id, content type, correlation id and reply
 * address in the message's own properties, the body as it is.
 *
 * <p><b>Delay</b>: a delayed message is scheduled on Service Bus ({@code ScheduleMessage}), which
 * holds it back for any delay. <b>Bulk</b>: {@link #sendBatch} sends many messages in batches of at
 * most {@link AzureServiceBusConfiguration#bulkSendBatchSize()}, each batch one AMQP transfer.
 * <b>Blocking or not</b>: {@link #send} waits for Service Bus; {@link #sendAsync} returns a future
 * at once, on an asynchronous sender made on first use. Thread-safe.
 */
public final class AzureServiceBusMessageProducer implements MessageProducer, MessageProducerAsync {

  private final Publication publication;
  private final AzureServiceBusPublication options;
  private final AzureServiceBusConfiguration configuration;
  private final ServiceBusSenderClient sender;
  private volatile @Nullable ServiceBusSenderAsyncClient asyncSender;

  /** A producer for {@code publication} with {@link AzureServiceBusPublication#DEFAULT}. */
  public AzureServiceBusMessageProducer(
      AzureServiceBusConfiguration configuration, Publication publication) {
    this(configuration, publication, AzureServiceBusPublication.DEFAULT);
  }

  /**
   * A producer for {@code publication} with {@code options}.
   *
   * @throws io.brighter.ConfigurationException when the topic or queue must exist and does not
   */
  public AzureServiceBusMessageProducer(
      AzureServiceBusConfiguration configuration,
      Publication publication,
      AzureServiceBusPublication options) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
    this.publication = requireNonNull(publication, "publication must not be null");
    this.options = requireNonNull(options, "options must not be null");
    String entity = entity();
    ServiceBusEntities entities = new ServiceBusEntities(configuration);
    if (options.useServiceBusQueue()) {
      entities.queue(entity, AzureServiceBusSubscription.DEFAULT, publication.makeChannels());
    } else {
      entities.topic(entity, publication.makeChannels());
    }
    this.sender = senderBuilder().buildClient();
  }

  private String entity() {
    return publication.topic().value();
  }

  private ServiceBusClientBuilder.ServiceBusSenderClientBuilder senderBuilder() {
    ServiceBusClientBuilder.ServiceBusSenderClientBuilder builder =
        configuration.clients().sender();
    return options.useServiceBusQueue() ? builder.queueName(entity()) : builder.topicName(entity());
  }

  @Override
  public Publication publication() {
    return publication;
  }

  /** The publication's {@link AzureServiceBusPublication#maxMessageBytes()}. */
  @Override
  public long maxMessageBytes() {
    return options.maxMessageBytes();
  }

  @Override
  public void send(Message message) {
    sender.sendMessage(AzureServiceBusWireFormat.toServiceBus(requireNonNull(message, "message")));
  }

  /** Schedules {@code message} on Service Bus for {@code delay} from now; a zero delay sends. */
  @Override
  public void sendWithDelay(Message message, Duration delay) {
    if (checkDelay(delay).isZero()) {
      send(message);
    } else {
      sender.scheduleMessage(
          AzureServiceBusWireFormat.toServiceBus(requireNonNull(message, "message")),
          OffsetDateTime.now().plus(delay));
    }
  }

  @Override
  public CompletableFuture<Void> sendAsync(Message message) {
    try {
      ServiceBusMessage out =
          AzureServiceBusWireFormat.toServiceBus(requireNonNull(message, "message"));
      return asyncSender().sendMessage(out).toFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> sendWithDelayAsync(Message message, Duration delay) {
    try {
      if (checkDelay(delay).isZero()) {
        return sendAsync(message);
      }
      ServiceBusMessage out =
          AzureServiceBusWireFormat.toServiceBus(requireNonNull(message, "message"));
      return asyncSender()
          .scheduleMessage(out, OffsetDateTime.now().plus(delay))
          .toFuture()
          .thenApply(sequenceNumber -> null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Sends {@code messages} in order, in batches of at most the configuration's bulk send batch size
   * (fewer when a batch reaches the entity's size limit first), each batch in one transfer.
   *
   * @throws MessageTooLargeException when one message alone is over the limit; the batches before
   *     it were sent
   */
  public void sendBatch(List<Message> messages) {
    requireNonNull(messages, "messages must not be null");
    ServiceBusMessageBatch batch = sender.createMessageBatch(new CreateMessageBatchOptions());
    for (Message message : messages) {
      ServiceBusMessage out = AzureServiceBusWireFormat.toServiceBus(message);
      if (batch.getCount() == configuration.bulkSendBatchSize() || !batch.tryAddMessage(out)) {
        if (batch.getCount() > 0) {
          sender.sendMessages(batch);
        }
        batch = sender.createMessageBatch(new CreateMessageBatchOptions());
        if (!batch.tryAddMessage(out)) {
          throw new MessageTooLargeException(
              message.id().value(),
              publication.topic(),
              message.body().bytes().length,
              batch.getMaxSizeInBytes());
        }
      }
    }
    if (batch.getCount() > 0) {
      sender.sendMessages(batch);
    }
  }

  private static Duration checkDelay(Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return delay;
  }

  private ServiceBusSenderAsyncClient asyncSender() {
    ServiceBusSenderAsyncClient client = asyncSender;
    if (client == null) {
      synchronized (this) {
        client = asyncSender;
        if (client == null) {
          client = senderBuilder().buildAsyncClient();
          asyncSender = client;
        }
      }
    }
    return client;
  }

  /** Closes the senders. */
  @Override
  public void close() {
    try {
      ServiceBusSenderAsyncClient client = asyncSender;
      if (client != null) {
        client.close();
      }
    } finally {
      sender.close();
    }
  }
}
