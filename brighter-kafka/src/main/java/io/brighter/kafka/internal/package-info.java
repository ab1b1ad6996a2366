/**
 * The mechanics of the Kafka transport: the wire format of messages, the ledger of settled offsets
 * and topic provisioning. Not an API: its types may change in any release.
 */
@NullMarked
package io.brighter.kafka.internal;

import org.jspecify.annotations.NullMarked;
