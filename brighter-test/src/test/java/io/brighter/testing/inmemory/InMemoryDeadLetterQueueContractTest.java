package io.brighter.testing.inmemory;

import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryDeadLetterQueue;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.testing.transport.DeadLetterQueueContract;
import java.time.Duration;

/** The dead-letter queue rules on the in-memory bus. */
class InMemoryDeadLetterQueueContractTest extends DeadLetterQueueContract {

  private final InMemoryBus bus = new InMemoryBus();

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new InMemoryMessageProducer(bus, publication);
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey) {
    return new InMemoryMessageConsumer(
        bus, routingKey, channelName, 10, deadLetterRoutingKey, OnMissingChannel.CREATE);
  }

  @Override
  protected DeadLetterQueue createDeadLetterQueue(
      RoutingKey routingKey, String channelName, RoutingKey deadLetterRoutingKey) {
    return new InMemoryDeadLetterQueue(bus, deadLetterRoutingKey);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofMillis(20);
  }
}
