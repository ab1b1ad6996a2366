/**
 * Brighter for Java: requests, the {@link io.brighter.CommandProcessor} that dispatches them
 * through handler pipelines, and the {@link io.brighter.RequestContext} that travels along a
 * pipeline.
 */
@NullMarked
package io.brighter;

import org.jspecify.annotations.NullMarked;
