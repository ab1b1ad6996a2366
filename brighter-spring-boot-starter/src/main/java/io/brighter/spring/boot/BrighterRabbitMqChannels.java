package io.brighter.spring.boot;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.Subscription;
import io.brighter.rabbitmq.RmqChannelFactory;
import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqMessageProducer;
import io.brighter.rabbitmq.RmqOverflow;
import io.brighter.rabbitmq.RmqPublication;
import io.brighter.rabbitmq.RmqSubscription;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * The RabbitMQ producers and subscriptions of {@code brighter.rabbitmq.publications[..]} and {@code
 * brighter.rabbitmq.subscriptions[..]}, made on the {@link RmqConnection} bean.
 */
final class BrighterRabbitMqChannels
    extends PropertyChannelRegistrar<
        BrighterRabbitMqProperties,
        BrighterRabbitMqProperties.Publication,
        BrighterRabbitMqProperties.Subscription> {

  BrighterRabbitMqChannels() {
    super(
        "brighter.rabbitmq",
        BrighterRabbitMqProperties.class,
        "brighterRabbitMq",
        Subscribe.Transport.RABBITMQ);
  }

  @Override
  List<BrighterRabbitMqProperties.Publication> publications(BrighterRabbitMqProperties properties) {
    return properties.publications();
  }

  @Override
  List<BrighterRabbitMqProperties.Subscription> subscriptions(
      BrighterRabbitMqProperties properties) {
    return properties.subscriptions();
  }

  @Override
  RootBeanDefinition producer(BrighterRabbitMqProperties.Publication settings, BeanFactory beans) {
    return new RootBeanDefinition(RmqMessageProducer.class, () -> rmqProducer(settings, beans));
  }

  private static RmqMessageProducer rmqProducer(
      BrighterRabbitMqProperties.Publication settings, BeanFactory beans) {
    RmqPublication options =
        RmqPublication.DEFAULT
            .withPersistent(settings.persistent())
            .withConfirmTimeout(settings.confirmTimeout());
    if (settings.maxMessageBytes() != null) {
      options = options.withMaxMessageBytes(settings.maxMessageBytes());
    }
    return new RmqMessageProducer(
        beans.getBean(RmqConnection.class), PropertyChannels.publication(settings), options);
  }

  @Override
  ChannelFactory channelFactory(BeanFactory beans) {
    return new RmqChannelFactory(beans.getBean(RmqConnection.class));
  }

  @Override
  Subscription subscription(BrighterRabbitMqProperties.Subscription settings, BeanFactory beans) {
    RmqSubscription options =
        RmqSubscription.DEFAULT
            .withQueueType(settings.queueType())
            .withDurable(settings.durable())
            .withMessageTtl(settings.messageTtl());
    if (settings.maxQueueLength() > 0) {
      options = options.withMaxQueueLength(settings.maxQueueLength(), RmqOverflow.REJECT_PUBLISH);
    }
    return PropertyChannels.subscription(
        settings, new RmqChannelFactory(beans.getBean(RmqConnection.class), options));
  }
}
