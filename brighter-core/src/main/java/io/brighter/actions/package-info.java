/**
 * Exceptions a handler or mapper throws to tell a message consumer what to do with the message it
 * is working on: defer (requeue), reject (dead-letter), leave unacknowledged, or treat as invalid.
 * In-process callers of {@code send} see them as ordinary exceptions.
 */
@NullMarked
package io.brighter.actions;

import org.jspecify.annotations.NullMarked;
