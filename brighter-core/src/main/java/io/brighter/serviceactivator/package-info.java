/**
 * The service activator: a {@link io.brighter.serviceactivator.Dispatcher} runs message pumps that
 * read each {@link io.brighter.messaging.Subscription}'s channel, turn messages into requests and
 * hand them to the command processor, then acknowledge, requeue or dead-letter each message.
 */
@NullMarked
package io.brighter.serviceactivator;

import org.jspecify.annotations.NullMarked;
