package io.brighter.internal;

import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.transforms.LuggageStore;
import io.brighter.observability.BrighterTracer;
import io.brighter.observability.MessagingMetrics;
import org.jspecify.annotations.Nullable;

/**
 * What a command processor was built with that a dispatcher running requests through it uses too,
 * so neither is configured twice: the mappers and luggage store of its external bus, its tracer and
 * its metrics; and which request types it has handlers for. Not part of the public API.
 */
public interface SharedMessagingParts {

  /** The external bus's mappers; null without an external bus. */
  @Nullable MessageMapperRegistry mappers();

  /** The external bus's luggage store; null when it has none. */
  @Nullable LuggageStore luggageStore();

  /** The tracer. */
  BrighterTracer tracer();

  /** The metrics. */
  MessagingMetrics metrics();

  /**
   * Whether handlers are registered for {@code requestType}: asynchronous ones when {@code async},
   * else synchronous ones.
   */
  boolean hasHandlers(Class<?> requestType, boolean async);
}
