package io.brighter.spring.boot;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.featureswitch.FeatureSwitchRegistry;
import io.brighter.handlers.HandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.inbox.Inbox;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Subscription;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import io.brighter.operations.MessageCounters;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.outbox.archive.ArchiveProvider;
import io.brighter.outbox.archive.OutboxArchiver;
import io.brighter.resilience.ResiliencePipelineRegistry;
import io.brighter.scheduler.RequestScheduler;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The command processor, built from the application's beans: handler beans (prototype-scoped) and
 * mapper beans are registered by the request type they declare, and are created through a {@link
 * SpringHandlerFactory}; a {@link ResiliencePipelineRegistry}, {@link FeatureSwitchRegistry},
 * {@link Inbox}, {@link RequestScheduler}, {@link BrighterTracer} or {@link MessagingMetrics} bean
 * is used when present. With producers it gets an external bus on the outbox bean, and an {@link
 * OutboxSweeper} (and an {@link OutboxArchiver} with an {@link ArchiveProvider} bean) runs while
 * the application runs; with {@link Subscription} beans a {@link Dispatcher} runs their pumps. Each
 * bean backs off when the application defines its own.
 */
@AutoConfiguration(
    after = {
      BrighterJdbcAutoConfiguration.class,
      BrighterOutboxAutoConfiguration.class,
      BrighterMicrometerAutoConfiguration.class,
      BrighterTracingAutoConfiguration.class
    })
@EnableConfigurationProperties(BrighterProperties.class)
public class BrighterAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterAutoConfiguration() {}

  /** Creates handlers and middleware from the application context. */
  @Bean
  @ConditionalOnMissingBean
  public HandlerFactory brighterHandlerFactory(ConfigurableListableBeanFactory beanFactory) {
    return new SpringHandlerFactory(beanFactory);
  }

  /** Every handler bean, subscribed to the request type it declares. */
  @Bean
  @ConditionalOnMissingBean
  public SubscriberRegistry brighterSubscriberRegistry(
      ConfigurableListableBeanFactory beanFactory) {
    return BeanRegistries.subscribers(beanFactory);
  }

  /** Every mapper bean, for the request type it declares; JSON for other types. */
  @Bean
  @ConditionalOnMissingBean
  public MessageMapperRegistry brighterMessageMapperRegistry(
      ConfigurableListableBeanFactory beanFactory) {
    return BeanRegistries.mappers(beanFactory);
  }

  /** The external bus: the producers, the mappers and the outbox. */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnProducers.class)
  public ExternalBusConfiguration brighterExternalBus(
      ProducerRegistry producers,
      MessageMapperRegistry mappers,
      Outbox outbox,
      BrighterProperties properties) {
    return ExternalBusConfiguration.builder()
        .producers(producers)
        .mappers(mappers)
        .outbox(outbox)
        .maxOutstandingMessages(properties.outbox().maxOutstandingMessages())
        .build();
  }

  /**
   * What the processor and the dispatcher sent and settled, for the operations endpoint; it counts
   * in front of the application's {@link MessagingMetrics} bean.
   */
  @Bean
  @ConditionalOnMissingBean
  public MessageCounters brighterMessageCounters() {
    return new MessageCounters();
  }

  /** The command processor. */
  @Bean
  @ConditionalOnMissingBean
  public CommandProcessor brighterCommandProcessor(
      SubscriberRegistry subscribers,
      HandlerFactory handlerFactory,
      ObjectProvider<ExternalBusConfiguration> externalBus,
      ObjectProvider<Inbox> inbox,
      ObjectProvider<ResiliencePipelineRegistry> resilience,
      ObjectProvider<FeatureSwitchRegistry> featureSwitches,
      ObjectProvider<RequestScheduler> scheduler,
      ObjectProvider<BrighterTracer> tracer,
      ObjectProvider<MessagingMetrics> metrics,
      MessageCounters counters) {
    CommandProcessor.Builder builder =
        CommandProcessor.builder().handlers(subscribers, handlerFactory);
    externalBus.ifAvailable(builder::externalBus);
    inbox.ifAvailable(builder::inbox);
    resilience.ifAvailable(builder::resilience);
    featureSwitches.ifAvailable(builder::featureSwitches);
    scheduler.ifAvailable(builder::scheduler);
    tracer.ifAvailable(builder::tracer);
    builder.metrics(counters.counting(metrics.getIfAvailable(() -> MessagingMetrics.NONE)));
    return builder.build();
  }

  /** The outbox sweeper and archiver, when the application sends messages. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnProducers.class)
  static class OutboxBackgroundConfiguration {

    /** The sweeper; {@code brighterSweeperLifecycle} runs it. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "brighter.sweeper.enabled", matchIfMissing = true)
    OutboxSweeper brighterOutboxSweeper(
        CommandProcessor commandProcessor, BrighterProperties properties) {
      BrighterProperties.Sweeper settings = properties.sweeper();
      return OutboxSweeper.builder()
          .commandProcessor(commandProcessor)
          .interval(settings.interval())
          .minimumAge(settings.minimumAge())
          .batchSize(settings.batchSize())
          .lease(settings.lease())
          .topicCooldownSweeps(settings.topicCooldownSweeps())
          .build();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "brighter.sweeper.enabled", matchIfMissing = true)
    BrighterLifecycle brighterSweeperLifecycle(OutboxSweeper sweeper) {
      return new BrighterLifecycle("outbox sweeper", sweeper::start, sweeper::stop);
    }

    /** The archiver, when the application has an archive provider. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ArchiveProvider.class)
    @ConditionalOnBooleanProperty(name = "brighter.archiver.enabled", matchIfMissing = true)
    OutboxArchiver brighterOutboxArchiver(
        Outbox outbox, ArchiveProvider archiveProvider, BrighterProperties properties) {
      BrighterProperties.Archiver settings = properties.archiver();
      return OutboxArchiver.builder()
          .outbox(outbox)
          .archiveProvider(archiveProvider)
          .interval(settings.interval())
          .dispatchedAge(settings.dispatchedAge())
          .batchSize(settings.batchSize())
          .build();
    }

    @Bean
    @ConditionalOnBean(ArchiveProvider.class)
    @ConditionalOnBooleanProperty(name = "brighter.archiver.enabled", matchIfMissing = true)
    BrighterLifecycle brighterArchiverLifecycle(OutboxArchiver archiver) {
      return new BrighterLifecycle("outbox archiver", archiver::start, archiver::stop);
    }
  }

  /** The dispatcher of the subscription beans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Subscription.class)
  @ConditionalOnBooleanProperty(name = "brighter.dispatcher.enabled", matchIfMissing = true)
  static class DispatcherConfiguration {

    /** The dispatcher; {@code brighterDispatcherLifecycle} starts it and stops it gracefully. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    Dispatcher brighterDispatcher(
        CommandProcessor commandProcessor,
        MessageMapperRegistry mappers,
        ObjectProvider<Subscription> subscriptions,
        ObjectProvider<BrighterTracer> tracer,
        ObjectProvider<MessagingMetrics> metrics,
        MessageCounters counters,
        BrighterProperties properties) {
      DispatcherBuilder builder =
          new DispatcherBuilder()
              .commandProcessor(commandProcessor)
              .mappers(mappers)
              .subscriptions(subscriptions.orderedStream().toList())
              .shutdownTimeout(properties.dispatcher().shutdownTimeout());
      tracer.ifAvailable(builder::tracer);
      builder.metrics(counters.counting(metrics.getIfAvailable(() -> MessagingMetrics.NONE)));
      return builder.build();
    }

    @Bean
    BrighterLifecycle brighterDispatcherLifecycle(Dispatcher dispatcher) {
      return new BrighterLifecycle("dispatcher", dispatcher::start, () -> dispatcher.stop());
    }
  }
}
