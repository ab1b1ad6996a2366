/**
 * What every transport shares when it writes a {@link io.brighter.messaging.Message} to its wire
 * and reads it back: the header codec ({@link io.brighter.messaging.wire.HeaderCodec}) with each
 * transport's header names as a table ({@link io.brighter.messaging.wire.WireHeaderNames}), the
 * {@code MT_} message type names ({@link io.brighter.messaging.wire.WireMessageType}), and the
 * headers a dead-letter copy carries ({@link io.brighter.messaging.wire.RejectionHeaders}). For
 * those who write a transport; applications do not need it.
 */
@NullMarked
package io.brighter.messaging.wire;

import org.jspecify.annotations.NullMarked;
