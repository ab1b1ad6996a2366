/**
 * The Apache Kafka transport: {@link io.brighter.kafka.KafkaMessageProducer} sends messages to a
 * topic and reports each delivery, {@link io.brighter.kafka.KafkaMessageConsumer} reads a topic as
 * a consumer group and commits only the offsets of settled messages, and {@link
 * io.brighter.kafka.KafkaChannelFactory} makes consumers for a dispatcher's subscriptions. The
 * broker's knobs live in {@link io.brighter.kafka.KafkaConfiguration} (connection), {@link
 * io.brighter.kafka.KafkaPublication} (producer, beside a core publication) and {@link
 * io.brighter.kafka.KafkaSubscription} (consumer, carried by the channel factory).
 */
@NullMarked
package io.brighter.kafka;

import org.jspecify.annotations.NullMarked;
