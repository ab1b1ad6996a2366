/**
 * Mechanics shared by Brighter's modules; not part of the public API and may change at any time.
 */
@NullMarked
package io.brighter.internal;

import org.jspecify.annotations.NullMarked;
