/**
 * Local Azure endpoints for development and tests: {@link io.brighter.azure.local.LocalAzurite},
 * Azure Blob Storage on Azurite, and {@link io.brighter.azure.local.LocalServiceBus}, a Service Bus
 * namespace that the Azure SDK talks to.
 */
@NullMarked
package io.brighter.azure.local;

import org.jspecify.annotations.NullMarked;
