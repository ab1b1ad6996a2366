/**
 * Micrometer metrics for Brighter: {@link io.brighter.micrometer.MicrometerMessagingMetrics} counts
 * and times messages sent and settled, {@link io.brighter.micrometer.OutboxMetrics} reports an
 * outbox's backlog.
 */
@NullMarked
package io.brighter.micrometer;

import org.jspecify.annotations.NullMarked;
