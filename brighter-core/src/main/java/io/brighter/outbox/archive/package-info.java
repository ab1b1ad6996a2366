/**
 * Moving sent messages out of the outbox: the {@link io.brighter.outbox.archive.OutboxArchiver}
 * that copies messages dispatched long enough ago to an {@link
 * io.brighter.outbox.archive.ArchiveProvider} and then deletes them from the outbox, and the
 * in-memory and file-system providers.
 */
@NullMarked
package io.brighter.outbox.archive;

import org.jspecify.annotations.NullMarked;
