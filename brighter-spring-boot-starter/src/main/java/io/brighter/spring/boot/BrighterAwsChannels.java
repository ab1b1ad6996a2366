package io.brighter.spring.boot;

import io.brighter.aws.AwsConnection;
import io.brighter.aws.SnsMessageProducer;
import io.brighter.aws.SnsPublication;
import io.brighter.aws.SqsChannelFactory;
import io.brighter.aws.SqsChannelType;
import io.brighter.aws.SqsMessageProducer;
import io.brighter.aws.SqsPublication;
import io.brighter.aws.SqsRedrivePolicy;
import io.brighter.aws.SqsSubscription;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.Subscription;
import io.brighter.scheduler.MessageScheduler;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * The SNS and SQS producers and subscriptions of {@code brighter.aws.publications[..]} and {@code
 * brighter.aws.subscriptions[..]}, made on the {@link AwsConnection} bean; a producer takes the
 * {@link MessageScheduler} bean, when there is one, for delays SNS or SQS cannot hold.
 */
final class BrighterAwsChannels
    extends PropertyChannelRegistrar<
        BrighterAwsProperties,
        BrighterAwsProperties.Publication,
        BrighterAwsProperties.Subscription> {

  BrighterAwsChannels() {
    super("brighter.aws", BrighterAwsProperties.class, "brighterAws", Subscribe.Transport.AWS);
  }

  @Override
  List<BrighterAwsProperties.Publication> publications(BrighterAwsProperties properties) {
    return properties.publications();
  }

  @Override
  List<BrighterAwsProperties.Subscription> subscriptions(BrighterAwsProperties properties) {
    return properties.subscriptions();
  }

  @Override
  RootBeanDefinition producer(BrighterAwsProperties.Publication settings, BeanFactory beans) {
    return settings.channelType() == SqsChannelType.PUBLISH_SUBSCRIBE
        ? new RootBeanDefinition(SnsMessageProducer.class, () -> snsProducer(settings, beans))
        : new RootBeanDefinition(SqsMessageProducer.class, () -> sqsProducer(settings, beans));
  }

  private static SnsMessageProducer snsProducer(
      BrighterAwsProperties.Publication settings, BeanFactory beans) {
    SnsPublication options =
        SnsPublication.DEFAULT.withFifo(settings.fifo()).withTopicArn(settings.topicArn());
    if (settings.maxMessageBytes() != null) {
      options = options.withMaxMessageBytes(settings.maxMessageBytes());
    }
    return new SnsMessageProducer(
        beans.getBean(AwsConnection.class),
        PropertyChannels.publication(settings),
        options,
        scheduler(beans));
  }

  private static SqsMessageProducer sqsProducer(
      BrighterAwsProperties.Publication settings, BeanFactory beans) {
    SqsPublication options =
        SqsPublication.DEFAULT
            .withFifo(settings.fifo())
            .withQueueName(settings.queueName())
            .withQueueUrl(settings.queueUrl());
    if (settings.maxMessageBytes() != null) {
      options = options.withMaxMessageBytes(settings.maxMessageBytes());
    }
    return new SqsMessageProducer(
        beans.getBean(AwsConnection.class),
        PropertyChannels.publication(settings),
        options,
        scheduler(beans));
  }

  private static @Nullable MessageScheduler scheduler(BeanFactory beans) {
    return beans.getBeanProvider(MessageScheduler.class).getIfAvailable();
  }

  @Override
  ChannelFactory channelFactory(BeanFactory beans) {
    return new SqsChannelFactory(beans.getBean(AwsConnection.class), SqsSubscription.DEFAULT);
  }

  @Override
  Subscription subscription(BrighterAwsProperties.Subscription settings, BeanFactory beans) {
    SqsSubscription options =
        SqsSubscription.DEFAULT
            .withChannelType(settings.channelType())
            .withFifo(settings.fifo())
            .withVisibilityTimeout(settings.visibilityTimeout())
            .withRawMessageDelivery(settings.rawMessageDelivery())
            .withTopicArn(settings.topicArn())
            .withQueueUrl(settings.queueUrl())
            .withFilterPolicy(settings.filterPolicy());
    if (settings.redriveMaxReceiveCount() != null) {
      options =
          options.withRedrivePolicy(new SqsRedrivePolicy(settings.redriveMaxReceiveCount(), null));
    }
    return PropertyChannels.subscription(
        settings, new SqsChannelFactory(beans.getBean(AwsConnection.class), options));
  }
}
