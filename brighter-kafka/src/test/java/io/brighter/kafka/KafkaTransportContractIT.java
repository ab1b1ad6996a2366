package io.brighter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.scheduler.InMemoryScheduler;
import io.brighter.testing.transport.RawDelivery;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

  /** Produces the raw delivery with kafka-clients: its fields as UTF-8 record headers, no key. */
  @Override
  protected void publishRaw(RoutingKey topic, RawDelivery delivery) {
    RecordHeaders headers = new RecordHeaders();
    delivery
        .wireHeaders(
            field ->
                switch (field) {
                  case MESSAGE_ID -> KafkaHeaderNames.CLOUD_EVENTS_ID;
                  case MESSAGE_TYPE -> KafkaHeaderNames.MESSAGE_TYPE;
                  case TOPIC -> KafkaHeaderNames.TOPIC;
                  case HANDLED_COUNT -> KafkaHeaderNames.HANDLED_COUNT;
                })
        .forEach((name, value) -> headers.add(name, value.getBytes(UTF_8)));
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            KAFKA.clientProperties("raw"), new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(topic.value(), null, (String) null, delivery.body(), headers))
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not take the raw delivery", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
