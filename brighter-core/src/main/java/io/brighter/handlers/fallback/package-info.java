/** The handlers behind {@link io.brighter.handlers.FallbackPolicy}. */
@NullMarked
package io.brighter.handlers.fallback;

import org.jspecify.annotations.NullMarked;
