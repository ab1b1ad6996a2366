/**
 * A message transport that lives in one JVM, for tests and for running an application without a
 * broker: an {@link io.brighter.messaging.inmemory.InMemoryBus} of topics and channels, with the
 * {@link io.brighter.messaging.inmemory.InMemoryMessageProducer} that publishes to it and the
 * {@link io.brighter.messaging.inmemory.InMemoryMessageConsumer} that reads a channel of it.
 *
 * {@snippet :
 * InMemoryBus bus = new InMemoryBus();
 * var consumer = new InMemoryMessageConsumer(bus, RoutingKey.of("greeting.added"));
 * new InMemoryMessageProducer(bus, publication).send(message);
 * List<Message> received = consumer.receive(Duration.ofSeconds(1));
 * }
 */
@NullMarked
package io.brighter.messaging.inmemory;

import org.jspecify.annotations.NullMarked;
