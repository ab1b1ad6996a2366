/** The decorators behind {@link io.brighter.darker.FallbackPolicy}. */
@NullMarked
package io.brighter.darker.fallback;

import org.jspecify.annotations.NullMarked;
