/** The handlers behind {@link io.brighter.handlers.UseInbox} and the global inbox. */
@NullMarked
package io.brighter.handlers.inbox;

import org.jspecify.annotations.NullMarked;
