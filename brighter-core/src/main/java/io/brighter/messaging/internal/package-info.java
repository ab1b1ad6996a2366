/**
 * Mechanics of the messaging package: the shared JSON configuration. Not part of the public API and
 * may change at any time.
 */
@NullMarked
package io.brighter.messaging.internal;

import org.jspecify.annotations.NullMarked;
