package io.brighter.kafka;

import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.scheduler.InMemoryScheduler;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The Kafka transport keeps every rule of the transport contract on the embedded broker, delays
 * included: a delayed send goes through an {@link InMemoryScheduler} bound to the case's producer,
 * a delayed requeue waits on the consumer's own timer.
 */
class KafkaTransportContractIT extends TransportContract {

  private static final KafkaConfiguration KAFKA = EmbeddedKafkaBroker.shared().configuration();

  private final InMemoryScheduler scheduler = InMemoryScheduler.builder().build();
  private final KafkaChannelFactory channels =
      new KafkaChannelFactory(KAFKA, KafkaSubscription.DEFAULT);

  @AfterEach
  void stopTheScheduler() {
    scheduler.close();
  }

  @Override
  protected MessageProducer createProducer(Publication publication) {
    KafkaMessageProducer producer =
        new KafkaMessageProducer(KAFKA, KafkaPublication.of(publication), scheduler);
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
    Subscription subscription =
        Subscription.builder()
            .name(channelName)
            .channelName(channelName)
            .routingKey(routingKey)
            .requestTypes(message -> null)
            .bufferSize(bufferSize)
            .deadLetterRoutingKey(deadLetterRoutingKey)
            .makeChannels(makeChannels)
            .channelFactory(channels)
            .build();
    return channels.createConsumer(subscription);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofMillis(1500);
  }

  /** Kafka has no native delay; the scheduler holds delayed sends, the consumer its requeues. */
  @Override
  protected boolean supportsDelay() {
    return true;
  }

  /** One partition per contract topic, keyed sends and an idempotent producer keep the order. */
  @Override
  protected boolean preservesOrder() {
    return true;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }
}
