/**
 * The inbox: a record of the requests a service has handled, so a redelivered message is not
 * handled twice. {@link io.brighter.inbox.Inbox} is the SPI, {@link
 * io.brighter.inbox.InMemoryInbox} the in-memory back end, and {@link
 * io.brighter.inbox.InboxConfiguration} switches on the global inbox for every handler.
 */
@NullMarked
package io.brighter.inbox;

import org.jspecify.annotations.NullMarked;
