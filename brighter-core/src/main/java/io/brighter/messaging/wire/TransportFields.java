package io.brighter.messaging.wire;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.RoutingKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a transport knows of a delivery outside its headers, which {@link HeaderCodec#read} uses
 * where the headers say nothing: the id in an AMQP property, the routing key or record topic, the
 * broker's time for the delivery, a content type or reply address carried as a property, the record
 * key. Fields the transport does not have are null, except the topic.
 *
 * @param messageId the id the transport carries outside the headers, read before the headers'
 * @param topic the topic the delivery came by: used when no topic header is set
 * @param timestamp the transport's time for the delivery: used when no time header can be read
 * @param contentType the body's content type, used when no content type header is set
 * @param replyTo the reply address, used when no reply header is set
 * @param partitionKey the partition key, used when no partition key header is set
 */
public record TransportFields(
    @Nullable String messageId,
    RoutingKey topic,
    @Nullable Instant timestamp,
    @Nullable String contentType,
    @Nullable String replyTo,
    @Nullable String partitionKey) {

  /** Checks the topic is present. */
  public TransportFields {
    requireNonNull(topic, "topic must not be null");
  }

  /** Nothing but the topic. */
  public static TransportFields of(RoutingKey topic) {
    return new TransportFields(null, topic, null, null, null, null);
  }
}
