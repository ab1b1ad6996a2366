/** The handlers behind {@link io.brighter.handlers.Monitor}. */
@NullMarked
package io.brighter.handlers.monitoring;

import org.jspecify.annotations.NullMarked;
