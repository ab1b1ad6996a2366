package io.brighter.spring.boot;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers a producer bean for each publication and a {@code Subscription} bean for each
 * subscription a transport's properties declare ({@code <prefix>.publications[..]}, {@code
 * <prefix>.subscriptions[..]}), while the configuration is read, so the conditions of the other
 * auto-configurations (producers present, subscriptions present) see them. The beans are made when
 * the context starts; what must be set is checked first, and a missing setting stops the start
 * naming its property.
 *
 * @param <T> the transport's properties
 * @param <P> its publications
 * @param <S> its subscriptions
 */
abstract class PropertyChannelRegistrar<
        T, P extends PublicationProperties, S extends SubscriptionProperties>
    implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

  /** The class that tells each transport is on the class path. */
  private static final java.util.Map<Subscribe.Transport, String> MARKERS =
      java.util.Map.of(
          Subscribe.Transport.RABBITMQ, "io.brighter.rabbitmq.RmqConnection",
          Subscribe.Transport.KAFKA, "io.brighter.kafka.KafkaConfiguration",
          Subscribe.Transport.AWS, "io.brighter.aws.AwsConnection");

  private final String prefix;
  private final Class<T> type;
  private final String beanPrefix;
  private final Subscribe.Transport transport;
  private @Nullable Environment environment;
  private @Nullable BeanFactory beanFactory;

  /**
   * A registrar of the properties under {@code prefix}, bound to {@code type}, whose beans are
   * named {@code beanPrefix} followed by {@code Producer} or {@code Subscription} and the index.
   */
  PropertyChannelRegistrar(
      String prefix, Class<T> type, String beanPrefix, Subscribe.Transport transport) {
    this.prefix = prefix;
    this.type = type;
    this.beanPrefix = beanPrefix;
    this.transport = transport;
  }

  /** The publications {@code properties} declare. */
  abstract List<P> publications(T properties);

  /** The subscriptions {@code properties} declare. */
  abstract List<S> subscriptions(T properties);

  /** The bean definition of the producer of {@code settings}, made with {@code beans}. */
  abstract RootBeanDefinition producer(P settings, BeanFactory beans);

  /** The subscription {@code settings} declare, made with {@code beans}. */
  abstract Subscription subscription(S settings, BeanFactory beans);

  /** The channel factory of a subscription declared by {@link Subscribe}, with default settings. */
  abstract ChannelFactory channelFactory(BeanFactory beans);

  @Override
  public final void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public final void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public final void registerBeanDefinitions(
      AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    if (environment == null || beanFactory == null) {
      throw new IllegalStateException("Spring gave no environment or bean factory");
    }
    BeanFactory beans = beanFactory;
    T properties = Binder.get(environment).bind(prefix, type).orElse(null);
    List<P> publications = properties == null ? List.of() : publications(properties);
    List<S> subscriptions = properties == null ? List.of() : subscriptions(properties);
    for (int i = 0; i < publications.size(); i++) {
      P settings = publications.get(i);
      PropertyChannels.check(settings, prefix + ".publications[" + i + "]");
      registry.registerBeanDefinition(beanPrefix + "Producer" + i, producer(settings, beans));
    }
    for (int i = 0; i < subscriptions.size(); i++) {
      S settings = subscriptions.get(i);
      PropertyChannels.check(settings, prefix + ".subscriptions[" + i + "]");
      registry.registerBeanDefinition(
          beanPrefix + "Subscription" + i,
          new RootBeanDefinition(Subscription.class, () -> subscription(settings, beans)));
    }
    if (beans instanceof ConfigurableListableBeanFactory listable) {
      for (SubscriptionProperties settings : subscribedHandlers(listable)) {
        registry.registerBeanDefinition(
            beanPrefix + "Subscribed" + settings.name(),
            new RootBeanDefinition(
                Subscription.class,
                () -> PropertyChannels.subscription(settings, channelFactory(beans))));
      }
    }
  }

  /** The subscriptions of the handler beans annotated with {@link Subscribe} for this transport. */
  private List<SubscriptionProperties> subscribedHandlers(ConfigurableListableBeanFactory beans) {
    List<SubscriptionProperties> found = new ArrayList<>();
    for (Class<?> handlerType : List.of(RequestHandler.class, RequestHandlerAsync.class)) {
      for (BeanTypes.Found handler : BeanTypes.find(beans, handlerType)) {
        Subscribe subscribe =
            AnnotatedElementUtils.findMergedAnnotation(handler.beanClass(), Subscribe.class);
        if (subscribe == null || !handles(subscribe, handler)) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Class<? extends Request> requestType =
            (Class<? extends Request>) handler.concreteArgument(0, handlerType);
        String channel = subscribe.channel().isBlank() ? subscribe.topic() : subscribe.channel();
        found.add(
            new SubscribedHandler(
                subscribe.name().isBlank() ? channel : subscribe.name(),
                channel,
                subscribe.topic(),
                requestType,
                handlerType == RequestHandlerAsync.class
                    ? MessagePumpType.PROACTOR
                    : MessagePumpType.REACTOR,
                subscribe.performers() > 0 ? subscribe.performers() : null));
      }
    }
    return found;
  }

  /** Whether this transport takes {@code subscribe}: named, or the only one on the class path. */
  private boolean handles(Subscribe subscribe, BeanTypes.Found handler) {
    if (subscribe.transport() != Subscribe.Transport.AUTO) {
      return subscribe.transport() == transport;
    }
    List<Subscribe.Transport> present =
        MARKERS.entrySet().stream()
            .filter(marker -> ClassUtils.isPresent(marker.getValue(), getClass().getClassLoader()))
            .map(java.util.Map.Entry::getKey)
            .toList();
    if (present.size() > 1) {
      throw new ConfigurationException(
          "@Subscribe on "
              + handler.beanClass().getName()
              + " must name its transport: "
              + present
              + " are all on the class path");
    }
    return present.contains(transport);
  }

  /** A subscription declared by {@link Subscribe}: the rest takes the core defaults. */
  private record SubscribedHandler(
      String name,
      String channelName,
      String routingKey,
      Class<? extends Request> requestType,
      MessagePumpType messagePumpType,
      @Nullable Integer performers)
      implements SubscriptionProperties {}
}
