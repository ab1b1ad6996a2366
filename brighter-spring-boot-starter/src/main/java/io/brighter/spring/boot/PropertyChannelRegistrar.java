package io.brighter.spring.boot;

import io.brighter.messaging.Subscription;
import java.util.List;
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

  private final String prefix;
  private final Class<T> type;
  private final String beanPrefix;
  private @Nullable Environment environment;
  private @Nullable BeanFactory beanFactory;

  /**
   * A registrar of the properties under {@code prefix}, bound to {@code type}, whose beans are
   * named {@code beanPrefix} followed by {@code Producer} or {@code Subscription} and the index.
   */
  PropertyChannelRegistrar(String prefix, Class<T> type, String beanPrefix) {
    this.prefix = prefix;
    this.type = type;
    this.beanPrefix = beanPrefix;
  }

  /** The publications {@code properties} declare. */
  abstract List<P> publications(T properties);

  /** The subscriptions {@code properties} declare. */
  abstract List<S> subscriptions(T properties);

  /** The bean definition of the producer of {@code settings}, made with {@code beans}. */
  abstract RootBeanDefinition producer(P settings, BeanFactory beans);

  /** The subscription {@code settings} declare, made with {@code beans}. */
  abstract Subscription subscription(S settings, BeanFactory beans);

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
  }
}
