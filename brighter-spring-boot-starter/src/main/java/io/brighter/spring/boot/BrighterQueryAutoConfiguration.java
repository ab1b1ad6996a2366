package io.brighter.spring.boot;

import io.brighter.darker.QueryHandler;
import io.brighter.darker.QueryHandlerAsync;
import io.brighter.darker.QueryHandlerRegistry;
import io.brighter.darker.QueryProcessor;
import io.brighter.handlers.HandlerFactory;
import io.brighter.resilience.ResiliencePipelineRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The query processor, when {@code brighter-darker} is on the class path: every {@link
 * QueryHandler} and {@link QueryHandlerAsync} bean (prototype-scoped) answers the query type it
 * declares, created through the same {@link HandlerFactory} as the command handlers.
 */
@AutoConfiguration(after = BrighterAutoConfiguration.class)
@ConditionalOnClass(QueryProcessor.class)
public class BrighterQueryAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterQueryAutoConfiguration() {}

  /** Every query handler bean, for the query type it declares. */
  // Each handler is registered for the query type its own class declares.
  @SuppressWarnings({"unchecked", "rawtypes"})
  @Bean
  @ConditionalOnMissingBean
  public QueryHandlerRegistry brighterQueryHandlerRegistry(
      ConfigurableListableBeanFactory beanFactory) {
    QueryHandlerRegistry registry = new QueryHandlerRegistry();
    BeanRegistries.eachHandler(
        beanFactory,
        QueryHandler.class,
        (query, handler) -> registry.register((Class) query, (Class) handler));
    BeanRegistries.eachHandler(
        beanFactory,
        QueryHandlerAsync.class,
        (query, handler) -> registry.registerAsync((Class) query, (Class) handler));
    return registry;
  }

  /** The query processor. */
  @Bean
  @ConditionalOnMissingBean
  public QueryProcessor brighterQueryProcessor(
      QueryHandlerRegistry registry,
      HandlerFactory handlerFactory,
      ObjectProvider<ResiliencePipelineRegistry> resilience) {
    QueryProcessor.Builder builder = QueryProcessor.builder().handlers(registry, handlerFactory);
    resilience.ifAvailable(builder::resilience);
    return builder.build();
  }
}
