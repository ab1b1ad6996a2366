package io.brighter.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.AccessTier;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.azure.local.LocalAzurite;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.archive.ArchiveProvider;
import io.brighter.outbox.archive.OutboxArchiver;
import io.brighter.testing.ReadmeSnippets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The README's blob archive example, word for word between the markers below, run on Azurite: a
 * message dispatched two days ago is archived into the container and leaves the outbox. {@link
 * #the_readme_shows_this_code} fails when the README and this code differ.
 */
class ReadmeBlobArchiveExampleIT {

  private static final String SOURCE =
      "brighter-azure/src/test/java/io/brighter/azure/ReadmeBlobArchiveExampleIT.java";

  @Test
  void the_example_archives_a_dispatched_message_into_blob_storage() {
    String connectionString = LocalAzurite.connectionString();
    InMemoryOutbox outbox = new InMemoryOutbox();
    Instant twoDaysAgo = Instant.now().minusSeconds(2 * 24 * 3600);
    Message message =
        new Message(
            MessageHeader.builder(Id.random(), RoutingKey.of("order.placed"), MessageType.EVENT)
                .timestamp(twoDaysAgo)
                .build(),
            MessageBody.json("{\"order\":1}"));
    outbox.add(message, new RequestContext(), null);
    outbox.markDispatched(message.id(), twoDaysAgo);

    // README snippet: begin
    ArchiveProvider archive =
        AzureBlobArchiveProvider.builder()
            .connectionString(connectionString) // or .endpoint(url).credential(tokenCredential)
            .container("outbox-archive") // created when missing
            .prefix("orders/")
            .accessTier(AccessTier.COOL) // optional
            .tags(true) // topic and message type as blob index tags
            .build();
    OutboxArchiver archiver =
        OutboxArchiver.builder().outbox(outbox).archiveProvider(archive).build();
    // README snippet: end

    assertThat(archiver.archive()).isEqualTo(1);
    assertThat(outbox.get(message.id()).isEmpty()).as("gone from the outbox").isTrue();
    assertThat(
            new BlobServiceClientBuilder()
                    .connectionString(connectionString)
                    .buildClient()
                    .getBlobContainerClient("outbox-archive")
                    .listBlobs()
                    .stream()
                    .anyMatch(blob -> blob.getName().endsWith(message.id().value() + ".json")))
        .isTrue();
  }

  @Test
  void the_readme_shows_this_code() {
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.codeBlock(SOURCE, "README snippet"));
  }
}
