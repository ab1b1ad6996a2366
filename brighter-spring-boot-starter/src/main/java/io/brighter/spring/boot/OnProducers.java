package io.brighter.spring.boot;

import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageProducerAsync;
import io.brighter.messaging.ProducerRegistry;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

/**
 * Matches when the application sends messages: it defines a {@link MessageProducer}, a {@link
 * MessageProducerAsync} or a {@link ProducerRegistry} bean. The external bus, the outbox and the
 * sweeper are made only then.
 */
final class OnProducers extends AnyNestedCondition {

  OnProducers() {
    super(ConfigurationPhase.REGISTER_BEAN);
  }

  @ConditionalOnBean(MessageProducer.class)
  static final class Producers {}

  @ConditionalOnBean(MessageProducerAsync.class)
  static final class AsyncProducers {}

  @ConditionalOnBean(ProducerRegistry.class)
  static final class Registry {}
}
