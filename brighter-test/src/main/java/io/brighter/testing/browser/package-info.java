/** A real browser for tests: headless Chromium driven over the DevTools protocol. */
@NullMarked
package io.brighter.testing.browser;

import org.jspecify.annotations.NullMarked;
