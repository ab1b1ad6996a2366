package io.brighter.spring.boot;

import io.brighter.CommandProcessor;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.operations.BrighterOperations;
import io.brighter.operations.MessageCounters;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.archive.OutboxArchiver;
import io.brighter.serviceactivator.Dispatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link BrighterOperations} over the application's dispatcher, outbox and dead-letter queues
 * (those its subscriptions' channel factories offer, and any {@link DeadLetterQueue} beans), and,
 * with Spring Boot's actuator, the endpoint {@code brighter} ({@link BrighterEndpoint}).
 */
@AutoConfiguration(after = BrighterAutoConfiguration.class)
public class BrighterOperationsAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterOperationsAutoConfiguration() {}

  /** The operations over what the application has. */
  @Bean
  @ConditionalOnMissingBean
  public BrighterOperations brighterOperations(
      ObjectProvider<Dispatcher> dispatcher,
      ObjectProvider<Outbox> outbox,
      CommandProcessor commandProcessor,
      MessageCounters counters,
      ObjectProvider<DeadLetterQueue> deadLetterQueues,
      ObjectProvider<OutboxArchiver> archiver,
      BrighterProperties properties) {
    BrighterOperations.Builder builder =
        BrighterOperations.builder()
            .counters(counters)
            .scanLimit(properties.operations().scanLimit())
            .maxBodyChars(properties.operations().maxBodyChars());
    dispatcher.ifAvailable(builder::dispatcher);
    outbox.ifAvailable(store -> builder.outbox(store, commandProcessor));
    archiver.ifAvailable(builder::archiver);
    deadLetterQueues.orderedStream().forEach(builder::deadLetterQueue);
    return builder.build();
  }

  // Nested, so that Spring MVC's classes are read only when it is present.
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  @ConditionalOnBooleanProperty("brighter.operations.console")
  static class ConsoleConfiguration {

    /** The web console, at /brighter/console. */
    @Bean
    @ConditionalOnMissingBean
    BrighterConsoleController brighterConsoleController(Environment environment) {
      return new BrighterConsoleController(
          environment.getProperty("management.endpoints.web.base-path", "/actuator"),
          environment.getProperty("management.endpoints.web.path-mapping.brighter", "brighter"));
    }
  }

  // Nested, so that the actuator's classes are read only when the actuator is present.
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
  static class EndpointConfiguration {

    /** The endpoint, when the application exposes it. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    BrighterEndpoint brighterEndpoint(BrighterOperations operations) {
      return new BrighterEndpoint(operations);
    }
  }
}
