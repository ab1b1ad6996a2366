/** The decorators behind {@link io.brighter.darker.RetryableQuery}. */
@NullMarked
package io.brighter.darker.resilience;

import org.jspecify.annotations.NullMarked;
