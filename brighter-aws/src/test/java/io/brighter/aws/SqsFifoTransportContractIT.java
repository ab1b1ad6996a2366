package io.brighter.aws;

import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.scheduler.InMemoryScheduler;
import io.brighter.testing.transport.RawDelivery;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * FIFO queues, point to point, keep the transport contract, order included: a FIFO queue takes no
 * delay per message, so a delayed send goes through an {@link InMemoryScheduler}; a delayed requeue
 * hides the message in its place; the handled count is SQS's count of deliveries.
 */
class SqsFifoTransportContractIT extends TransportContract {

  private static final SqsSubscription FIFO =
      SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT).withFifo(true);

  private final InMemoryScheduler scheduler = InMemoryScheduler.builder().build();

  @AfterEach
  void stopTheScheduler() {
    scheduler.close();
  }

  @Override
  protected MessageProducer createProducer(Publication publication) {
    SqsMessageProducer producer =
        new SqsMessageProducer(
            LocalAwsConnection.AWS, publication, SqsPublication.DEFAULT.withFifo(true), scheduler);
    scheduler.bind(ProducerRegistry.of(List.of(producer)));
    return producer;
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    return new SqsMessageConsumer(
        LocalAwsConnection.AWS,
        FIFO,
        routingKey,
        channelName,
        bufferSize,
        deadLetterRoutingKey,
        makeChannels);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected boolean supportsDelay() {
    return true;
  }

  /** One message group per partition key keeps the order. */
  @Override
  protected boolean preservesOrder() {
    return true;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  /** The handled count is SQS's count of deliveries, so a nack counts. */
  @Override
  protected boolean nackKeepsTheHandledCount() {
    return false;
  }

  /** Sends the raw delivery to the topic's FIFO queue with the SDK ({@link RawSqs}). */
  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    RawSqs.send(topic, delivery, true);
  }
}
