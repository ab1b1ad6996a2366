/**
 * The test kit: a {@link io.brighter.testing.SpyCommandProcessor} that records what code under test
 * sends and publishes, and AssertJ assertions over it.
 */
@NullMarked
package io.brighter.testing;

import org.jspecify.annotations.NullMarked;
