package io.brighter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.testing.transport.PoisonMessageContract;
import io.brighter.testing.transport.RawDelivery;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Poison never stops a pump on the embedded Kafka broker: raw deliveries are produced with
 * kafka-clients, their headers as record headers in UTF-8 and no key.
 */
class KafkaPoisonMessageIT extends PoisonMessageContract {

  private static final KafkaConfiguration KAFKA = EmbeddedKafkaBroker.shared().configuration();

  private final KafkaSubscription settings =
      KafkaSubscription.DEFAULT.withCommitBatchSize(1).withCommitInterval(Duration.ofMillis(100));

  @Override
  protected ChannelFactory channelFactory() {
    return new KafkaChannelFactory(KAFKA, settings);
  }

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new KafkaMessageProducer(KAFKA, KafkaPublication.of(publication));
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
            .channelFactory(channelFactory())
            .build();
    return new KafkaMessageConsumer(KAFKA, subscription, settings);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofMillis(500);
  }

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
    Map<String, Object> properties = KAFKA.clientProperties("poison-raw");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
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
