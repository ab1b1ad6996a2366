/** The handlers behind {@link io.brighter.handlers.RequestLogging}. */
@NullMarked
package io.brighter.handlers.logging;

import org.jspecify.annotations.NullMarked;
