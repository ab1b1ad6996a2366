package io.brighter.messaging;

import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The producers registered for one publication: a blocking one, a non-blocking one, or one object
 * that is both. When there is no non-blocking producer, {@link #async} adapts the blocking one.
 */
record ProducerRegistration(
    Publication publication,
    @Nullable MessageProducer sync,
    @Nullable MessageProducerAsync async,
    @Nullable MessageProducerAsync adapter) {

  static ProducerRegistration of(MessageProducer producer) {
    return new ProducerRegistration(
        producer.publication(),
        producer,
        producer instanceof MessageProducerAsync both ? both : null,
        null);
  }

  static ProducerRegistration of(MessageProducerAsync producer) {
    return new ProducerRegistration(
        producer.publication(),
        producer instanceof MessageProducer both ? both : null,
        producer,
        null);
  }

  ProducerKey key() {
    return ProducerKey.of(publication);
  }

  /**
   * This registration with the slots of {@code other} filled in, or null when both fill the same
   * slot with different producers.
   */
  @Nullable ProducerRegistration merge(ProducerRegistration other) {
    if (conflicts(sync, other.sync) || conflicts(async, other.async)) {
      return null;
    }
    return new ProducerRegistration(
        publication, sync != null ? sync : other.sync, async != null ? async : other.async, null);
  }

  /** This registration with a blocking adapter when it has no non-blocking producer. */
  ProducerRegistration adapted(Executor executor) {
    if (async != null || sync == null) {
      return this;
    }
    return new ProducerRegistration(
        publication, sync, async, new BlockingMessageProducerAsync(sync, executor));
  }

  /** The non-blocking producer, registered or adapted; null for neither. */
  @Nullable MessageProducerAsync asyncOrAdapter() {
    return async != null ? async : adapter;
  }

  private static boolean conflicts(@Nullable Object mine, @Nullable Object theirs) {
    return mine != null && theirs != null && mine != theirs;
  }
}
