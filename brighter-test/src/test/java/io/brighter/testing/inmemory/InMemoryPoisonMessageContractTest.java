package io.brighter.testing.inmemory;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.testing.transport.PoisonMessageContract;
import java.time.Duration;

/**
 * Poison never stops a pump on the in-memory transport. The bus carries {@code Message} objects,
 * not bytes and headers, so there is no wire a raw client could corrupt: the raw case is disabled.
 */
class InMemoryPoisonMessageContractTest extends PoisonMessageContract {

  private final InMemoryBus bus = new InMemoryBus();

  @Override
  protected ChannelFactory channelFactory() {
    return new InMemoryChannelFactory(bus);
  }

  @Override
  protected MessageProducer createProducer(Publication publication) {
    return new InMemoryMessageProducer(bus, publication);
  }

  @Override
  protected MessageConsumer createConsumer(
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    return new InMemoryMessageConsumer(
        bus, routingKey, channelName, bufferSize, deadLetterRoutingKey, makeChannels);
  }

  @Override
  protected Duration receiveTimeout() {
    return Duration.ofMillis(50);
  }

  @Override
  protected boolean hasWireFormat() {
    return false;
  }
}
