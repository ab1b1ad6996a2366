/** The handlers behind {@link io.brighter.handlers.TimeoutPolicy}. */
@NullMarked
package io.brighter.handlers.timeout;

import org.jspecify.annotations.NullMarked;
