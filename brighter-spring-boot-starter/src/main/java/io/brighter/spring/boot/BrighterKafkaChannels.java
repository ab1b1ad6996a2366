package io.brighter.spring.boot;

import io.brighter.kafka.KafkaChannelFactory;
import io.brighter.kafka.KafkaConfiguration;
import io.brighter.kafka.KafkaMessageProducer;
import io.brighter.kafka.KafkaPublication;
import io.brighter.kafka.KafkaSubscription;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;

/**
 * The Kafka producers and subscriptions of {@code brighter.kafka.publications[..]} and {@code
 * brighter.kafka.subscriptions[..]}, made on the {@link KafkaConfiguration} bean.
 */
final class BrighterKafkaChannels
    extends PropertyChannelRegistrar<
        BrighterKafkaProperties,
        BrighterKafkaProperties.Publication,
        BrighterKafkaProperties.Subscription> {

  BrighterKafkaChannels() {
    super(
        "brighter.kafka",
        BrighterKafkaProperties.class,
        "brighterKafka",
        Subscribe.Transport.KAFKA);
  }

  @Override
  List<BrighterKafkaProperties.Publication> publications(BrighterKafkaProperties properties) {
    return properties.publications();
  }

  @Override
  List<BrighterKafkaProperties.Subscription> subscriptions(BrighterKafkaProperties properties) {
    return properties.subscriptions();
  }

  @Override
  RootBeanDefinition producer(BrighterKafkaProperties.Publication settings, BeanFactory beans) {
    return new RootBeanDefinition(KafkaMessageProducer.class, () -> kafkaProducer(settings, beans));
  }

  private static KafkaMessageProducer kafkaProducer(
      BrighterKafkaProperties.Publication settings, BeanFactory beans) {
    KafkaPublication publication =
        KafkaPublication.of(PropertyChannels.publication(settings))
            .withNumPartitions(settings.numPartitions())
            .withReplicationFactor(settings.replicationFactor());
    if (settings.linger() != null) {
      publication = publication.withLinger(settings.linger());
    }
    for (var property : settings.producerProperties().entrySet()) {
      publication = publication.withProducerProperty(property.getKey(), property.getValue());
    }
    return new KafkaMessageProducer(beans.getBean(KafkaConfiguration.class), publication);
  }

  @Override
  ChannelFactory channelFactory(BeanFactory beans) {
    return new KafkaChannelFactory(
        beans.getBean(KafkaConfiguration.class),
        KafkaSubscription.DEFAULT.withOffsetReset(defaultOffsetReset(beans)));
  }

  @Override
  Subscription subscription(BrighterKafkaProperties.Subscription settings, BeanFactory beans) {
    KafkaSubscription options =
        KafkaSubscription.DEFAULT
            .withGroupId(settings.groupId())
            .withOffsetReset(
                settings.offsetReset() != null ? settings.offsetReset() : defaultOffsetReset(beans))
            .withCommitBatchSize(settings.commitBatchSize())
            .withTopicLayout(settings.numPartitions(), settings.replicationFactor());
    if (settings.invalidMessageRoutingKey() != null) {
      options =
          options.withInvalidMessageRoutingKey(RoutingKey.of(settings.invalidMessageRoutingKey()));
    }
    for (var property : settings.consumerProperties().entrySet()) {
      options = options.withConsumerProperty(property.getKey(), property.getValue());
    }
    return PropertyChannels.subscription(
        settings, new KafkaChannelFactory(beans.getBean(KafkaConfiguration.class), options));
  }

  private static KafkaSubscription.OffsetReset defaultOffsetReset(BeanFactory beans) {
    return BrighterKafkaAutoConfiguration.defaultOffsetReset(beans.getBean(Environment.class));
  }
}
