/**
 * Contract tests for inbox back ends: extend {@link io.brighter.testing.inbox.InboxContract} (and
 * {@link io.brighter.testing.inbox.InboxAsyncContract} for an asynchronous one), supply the
 * subject, and every rule of the {@link io.brighter.inbox.Inbox} SPI is checked.
 */
@NullMarked
package io.brighter.testing.inbox;

import org.jspecify.annotations.NullMarked;
