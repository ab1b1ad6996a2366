package io.brighter.kafka;

import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.testing.transport.DeadLetterQueueContract;
import java.time.Duration;

/**
 * The dead-letter queue rules on the run's Kafka broker: the dead-letter topic as the queue of an
 * operations consumer group.
 */
class KafkaDeadLetterQueueContractIT extends DeadLetterQueueContract {

  private static final KafkaConfiguration KAFKA = EmbeddedKafkaBroker.shared().configuration();

  private final KafkaChannelFactory channels =
      new KafkaChannelFactory(KAFKA, KafkaSubscription.DEFAULT);

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new KafkaMessageProducer(KAFKA, KafkaPublication.of(publication));
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey) {
    return channels.createConsumer(
        Subscription.builder()
            .name(channelName)
            .channelName(channelName)
            .routingKey(routingKey)
            .requestTypes(message -> null)
            .bufferSize(10)
            .deadLetterRoutingKey(deadLetterRoutingKey)
            .makeChannels(OnMissingChannel.CREATE)
            .channelFactory(channels)
            .build());
  }

  @Override
  protected DeadLetterQueue createDeadLetterQueue(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey) {
    return new KafkaDeadLetterQueue(KAFKA, deadLetterRoutingKey);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofMillis(1500);
  }
}
