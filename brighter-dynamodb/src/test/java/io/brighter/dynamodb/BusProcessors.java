package io.brighter.dynamodb;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Request;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.util.List;

/** Command processors with no handlers that deposit into, and clear, a DynamoDB outbox. */
final class BusProcessors {

  private BusProcessors() {}

  /** A producer of {@code type} on {@code topic} to the in-memory {@code bus}. */
  static MessageProducer producer(
      InMemoryBus bus, RoutingKey topic, Class<? extends Request> type) {
    return new InMemoryMessageProducer(
        bus, Publication.builder().topic(topic).requestType(type).build());
  }

  /** A processor sending through {@code producers} from {@code outbox}. */
  static CommandProcessor over(DynamoDbOutbox outbox, List<MessageProducer> producers) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(producers))
                .outbox(outbox)
                .build())
        .build();
  }
}
