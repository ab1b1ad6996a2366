/**
 * What the local endpoint modules share: {@link io.brighter.local.FreePort} and {@link
 * io.brighter.local.NodeServer}, which installs a server from the npm registry and runs it with
 * node. For development and tests only.
 */
@NullMarked
package io.brighter.local;

import org.jspecify.annotations.NullMarked;
