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
 * The SQS transport, point to point, keeps every rule of the transport contract on the local
 * endpoint (ElasticMQ with SQS's limits); a standard queue holds delayed sends and requeues back
 * itself, a delay SQS cannot serve goes through an {@link InMemoryScheduler}.
 */
class SqsTransportContractIT extends TransportContract {

  private final InMemoryScheduler scheduler = InMemoryScheduler.builder().build();

  @AfterEach
  void stopTheScheduler() {
    scheduler.close();
  }

  /** Whether the queues are FIFO. */
  boolean fifo() {
    return false;
  }

  @Override
  protected MessageProducer createProducer(Publication publication) {
    SqsMessageProducer producer =
        new SqsMessageProducer(
            LocalAwsConnection.AWS,
            publication,
            SqsPublication.DEFAULT.withFifo(fifo()),
            scheduler);
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
        SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT).withFifo(fifo()),
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

  /** A standard queue does not promise order; a FIFO queue does, per message group. */
  @Override
  protected boolean preservesOrder() {
    return fifo();
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  /** On a FIFO queue the handled count is at least SQS's count of deliveries, so a nack counts. */
  @Override
  protected boolean nackKeepsTheHandledCount() {
    return !fifo();
  }

  /** Sends the raw delivery to the topic's queue with the SDK ({@link RawSqs}). */
  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    RawSqs.send(topic, delivery, fifo());
  }
}
