/**
 * Local Azure endpoints for development and tests: {@link io.brighter.azure.local.LocalAzurite},
 * Azure Blob Storage on Azurite.
 */
@NullMarked
package io.brighter.azure.local;

import org.jspecify.annotations.NullMarked;
