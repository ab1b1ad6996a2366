/**
 * Messages and the external bus: {@link io.brighter.messaging.Message} with its header and body,
 * the mappers that turn requests into messages and back, and the producer and consumer SPIs that
 * transports implement.
 */
@NullMarked
package io.brighter.messaging;

import org.jspecify.annotations.NullMarked;
