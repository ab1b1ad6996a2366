/**
 * Contract tests for outbox back ends: extend {@link io.brighter.testing.outbox.OutboxContract}
 * (and {@link io.brighter.testing.outbox.OutboxAsyncContract} for an asynchronous one), supply the
 * subject, and every rule of the {@link io.brighter.outbox.Outbox} SPI is checked.
 */
@NullMarked
package io.brighter.testing.outbox;

import org.jspecify.annotations.NullMarked;
