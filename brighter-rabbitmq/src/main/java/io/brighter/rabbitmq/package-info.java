/**
 * The RabbitMQ transport: {@link io.brighter.rabbitmq.RmqMessageProducer} publishes to an exchange
 * with pipelined publisher confirms, {@link io.brighter.rabbitmq.RmqMessageConsumer} reads a queue
 * with dead letters and delayed requeue, and {@link io.brighter.rabbitmq.RmqChannelFactory} makes
 * consumers for subscriptions. {@link io.brighter.rabbitmq.RmqConnection} holds the broker
 * settings; {@link io.brighter.rabbitmq.RmqPublication} and {@link
 * io.brighter.rabbitmq.RmqSubscription} the settings of a publication and a subscription's queue.
 * Header names on the wire are .NET Brighter's ({@link io.brighter.rabbitmq.RmqHeaders}).
 *
 * {@snippet :
 * RmqConnection connection = RmqConnection.builder()
 *     .uri(URI.create("amqp://guest:guest@127.0.0.1:5672/%2f"))
 *     .build();
 * var producer = new RmqMessageProducer(connection, publication);
 * var channels = new RmqChannelFactory(connection);
 * }
 */
@NullMarked
package io.brighter.rabbitmq;

import org.jspecify.annotations.NullMarked;
