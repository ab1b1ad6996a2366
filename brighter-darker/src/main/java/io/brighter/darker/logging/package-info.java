/** The decorators behind {@link io.brighter.darker.QueryLogging}. */
@NullMarked
package io.brighter.darker.logging;

import org.jspecify.annotations.NullMarked;
