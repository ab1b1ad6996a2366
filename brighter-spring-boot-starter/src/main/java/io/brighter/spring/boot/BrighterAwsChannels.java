package io.brighter.spring.boot;

import io.brighter.ConfigurationException;
import io.brighter.aws.AwsConnection;
import io.brighter.aws.SnsMessageProducer;
import io.brighter.aws.SnsPublication;
import io.brighter.aws.SqsChannelFactory;
import io.brighter.aws.SqsChannelType;
import io.brighter.aws.SqsMessageProducer;
import io.brighter.aws.SqsPublication;
import io.brighter.aws.SqsRedrivePolicy;
import io.brighter.aws.SqsSubscription;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.SubscriptionBuilder;
import io.brighter.scheduler.MessageScheduler;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers a producer bean for each {@code brighter.aws.publications[..]} and a {@code
 * Subscription} bean for each {@code brighter.aws.subscriptions[..]}, while the configuration is
 * read, so the conditions of the other auto-configurations (producers present, subscriptions
 * present) see them. The beans are made when the context starts, on the {@link AwsConnection} bean;
 * a producer takes the {@link MessageScheduler} bean, when there is one, for delays SNS or SQS
 * cannot hold.
 */
final class BrighterAwsChannels
    implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

  private @Nullable Environment environment;
  private @Nullable BeanFactory beanFactory;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    if (environment == null || beanFactory == null) {
      throw new IllegalStateException("Spring gave no environment or bean factory");
    }
    BeanFactory beans = beanFactory;
    BrighterAwsProperties aws =
        Binder.get(environment).bind("brighter.aws", BrighterAwsProperties.class).orElse(null);
    List<BrighterAwsProperties.Publication> publications =
        aws == null ? List.of() : aws.publications();
    List<BrighterAwsProperties.Subscription> subscriptions =
        aws == null ? List.of() : aws.subscriptions();
    for (int i = 0; i < publications.size(); i++) {
      BrighterAwsProperties.Publication settings = publications.get(i);
      String property = "brighter.aws.publications[" + i + "]";
      required(settings.topic(), property + ".topic");
      boolean sns = settings.channelType() == SqsChannelType.PUBLISH_SUBSCRIBE;
      registry.registerBeanDefinition(
          "brighterAwsProducer" + i,
          sns
              ? new RootBeanDefinition(SnsMessageProducer.class, () -> snsProducer(settings, beans))
              : new RootBeanDefinition(
                  SqsMessageProducer.class, () -> sqsProducer(settings, beans)));
    }
    for (int i = 0; i < subscriptions.size(); i++) {
      BrighterAwsProperties.Subscription settings = subscriptions.get(i);
      String property = "brighter.aws.subscriptions[" + i + "]";
      required(settings.name(), property + ".name");
      required(settings.routingKey(), property + ".routing-key");
      required(settings.requestType(), property + ".request-type");
      registry.registerBeanDefinition(
          "brighterAwsSubscription" + i,
          new RootBeanDefinition(Subscription.class, () -> subscription(settings, beans)));
    }
  }

  private static void required(@Nullable Object value, String property) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new ConfigurationException(property + " must be set");
    }
  }

  /** Gives {@code value} to {@code setter} when it is set; leaves the default otherwise. */
  private static <T> void ifSet(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static Publication publication(BrighterAwsProperties.Publication settings) {
    Publication.Builder publication =
        Publication.builder()
            .topic(RoutingKey.of(settings.topic()))
            .makeChannels(settings.makeChannels());
    if (settings.requestType() != null) {
      publication.requestType(settings.requestType());
    }
    return publication.build();
  }

  private static SnsMessageProducer snsProducer(
      BrighterAwsProperties.Publication settings, BeanFactory beans) {
    SnsPublication options =
        SnsPublication.DEFAULT.withFifo(settings.fifo()).withTopicArn(settings.topicArn());
    if (settings.maxMessageBytes() != null) {
      options = options.withMaxMessageBytes(settings.maxMessageBytes());
    }
    return new SnsMessageProducer(
        beans.getBean(AwsConnection.class), publication(settings), options, scheduler(beans));
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
        beans.getBean(AwsConnection.class), publication(settings), options, scheduler(beans));
  }

  private static @Nullable MessageScheduler scheduler(BeanFactory beans) {
    return beans.getBeanProvider(MessageScheduler.class).getIfAvailable();
  }

  private static Subscription subscription(
      BrighterAwsProperties.Subscription settings, BeanFactory beans) {
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
    SubscriptionBuilder subscription =
        Subscription.builder()
            .name(settings.name())
            .channelName(settings.channelName() != null ? settings.channelName() : settings.name())
            .routingKey(RoutingKey.of(settings.routingKey()))
            .requestType(settings.requestType())
            .messagePumpType(settings.messagePumpType())
            .makeChannels(settings.makeChannels())
            .channelFactory(new SqsChannelFactory(beans.getBean(AwsConnection.class), options));
    ifSet(settings.performers(), subscription::noOfPerformers);
    ifSet(settings.bufferSize(), subscription::bufferSize);
    ifSet(settings.timeout(), subscription::timeout);
    ifSet(settings.requeueCount(), subscription::requeueCount);
    ifSet(settings.requeueDelay(), subscription::requeueDelay);
    ifSet(settings.unacceptableMessageLimit(), subscription::unacceptableMessageLimit);
    ifSet(
        settings.deadLetterRoutingKey(),
        key -> subscription.deadLetterRoutingKey(RoutingKey.of(key)));
    return subscription.build();
  }
}
