package io.brighter.testing.inmemory;

import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.testing.transport.TransportContract;
import java.time.Duration;

/**
 * The in-memory transport keeps every rule of the transport contract, running every case but the
 * raw poison: the bus carries {@code Message} objects, not bytes and headers, so there is no wire a
 * raw client could corrupt.
 */
class InMemoryTransportContractTest extends TransportContract {

  private final InMemoryBus bus = new InMemoryBus();

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
    return Duration.ofMillis(100);
  }

  @Override
  protected boolean supportsDelay() {
    return true;
  }

  @Override
  protected boolean preservesOrder() {
    return true;
  }

  @Override
  protected boolean canValidateMissingChannel() {
    return true;
  }

  @Override
  protected boolean hasWireFormat() {
    return false;
  }
}
