/**
 * Azure for Brighter: {@link io.brighter.azure.AzureBlobArchiveProvider}, the outbox archive in
 * Azure Blob Storage.
 */
@NullMarked
package io.brighter.azure;

import org.jspecify.annotations.NullMarked;
