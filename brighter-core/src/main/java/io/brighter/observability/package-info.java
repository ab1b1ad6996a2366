/**
 * Tracing through the OpenTelemetry API: spans for the command processor's operations, the outbox,
 * producers and message pumps, and W3C trace context carried in message headers so that one trace
 * runs from the sender's request to the consumer's handler. See {@link
 * io.brighter.observability.BrighterTracer}.
 */
@NullMarked
package io.brighter.observability;

import org.jspecify.annotations.NullMarked;
