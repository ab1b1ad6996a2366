/** The handlers behind {@link io.brighter.handlers.UseResiliencePipeline}. */
@NullMarked
package io.brighter.handlers.resilience;

import org.jspecify.annotations.NullMarked;
