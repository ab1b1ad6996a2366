package io.brighter.aws;

import io.brighter.aws.local.LocalSqs;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.testing.transport.RawDelivery;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;

/**
 * The SQS transport, point to point, keeps every rule of the transport contract on the local SQS
 * endpoint (ElasticMQ with SQS's limits); SQS holds delayed sends and requeues back itself.
 */
class SqsTransportContractIT extends TransportContract {

  static final LocalSqs SQS = LocalSqs.shared();

  static final AwsConnection AWS = LocalAwsConnection.AWS;

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new SqsMessageProducer(AWS, publication);
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    return new SqsMessageConsumer(
        AWS,
        SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT),
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

  /** SQS delays a message up to 15 minutes itself. */
  @Override
  protected boolean supportsDelay() {
    return true;
  }

  /** A standard queue does not promise order; a FIFO queue does, per message group. */
  @Override
  protected boolean preservesOrder() {
    return false;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  /** Sends the raw delivery to the topic's queue with the SDK ({@link RawSqs}). */
  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    RawSqs.send(topic, delivery, false);
  }
}
