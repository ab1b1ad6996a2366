/**
 * Named Resilience4j retry and circuit breaker pipelines used by the {@code @UseResiliencePipeline}
 * middleware and by Darker.
 */
@NullMarked
package io.brighter.resilience;

import org.jspecify.annotations.NullMarked;
