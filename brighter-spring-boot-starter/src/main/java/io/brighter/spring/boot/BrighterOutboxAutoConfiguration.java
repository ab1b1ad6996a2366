package io.brighter.spring.boot;

import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageProducerAsync;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The producers and, when no other outbox is defined, an in-memory outbox: active when the
 * application defines {@link MessageProducer} or {@link MessageProducerAsync} beans (or its own
 * {@link ProducerRegistry}).
 */
@AutoConfiguration(after = BrighterJdbcAutoConfiguration.class)
@Conditional(OnProducers.class)
public class BrighterOutboxAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterOutboxAutoConfiguration() {}

  /**
   * Every producer bean, one per publication. The producers stay beans of their own: closing the
   * application closes them, not this registry.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public ProducerRegistry brighterProducerRegistry(
      ObjectProvider<MessageProducer> producers,
      ObjectProvider<MessageProducerAsync> asyncProducers) {
    ProducerRegistry.Builder builder = ProducerRegistry.builder();
    producers.orderedStream().forEach(builder::producer);
    asyncProducers
        .orderedStream()
        .filter(producer -> !(producer instanceof MessageProducer))
        .forEach(builder::asyncProducer);
    return builder.build();
  }

  /**
   * An outbox in memory, when the application has neither a DataSource nor an outbox of its own:
   * messages survive a failed send, not a restart.
   */
  @Bean
  @ConditionalOnMissingBean(Outbox.class)
  public InMemoryOutbox brighterInMemoryOutbox() {
    return new InMemoryOutbox();
  }
}
