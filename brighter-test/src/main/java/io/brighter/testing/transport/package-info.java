/**
 * Contract tests for message transports: extend {@link
 * io.brighter.testing.transport.TransportContract}, supply the producer and consumer of the
 * transport under test, and every rule of the {@link io.brighter.messaging.MessageProducer} and
 * {@link io.brighter.messaging.MessageConsumer} SPI is checked against it.
 */
@NullMarked
package io.brighter.testing.transport;

import org.jspecify.annotations.NullMarked;
