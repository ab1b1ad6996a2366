/**
 * The transactional outbox: the {@link io.brighter.outbox.Outbox} SPI that stores messages in the
 * same transaction as the business data, the in-memory store, and the sweeper that sends what is
 * left outstanding.
 */
@NullMarked
package io.brighter.outbox;

import org.jspecify.annotations.NullMarked;
