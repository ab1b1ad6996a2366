package io.brighter.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.azure.local.LocalAzurite;
import io.brighter.local.FreePort;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.archive.OutboxArchiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The blob archive on Azurite: messages archived as one blob each, under the day of their
 * timestamp, read back equal; a second archive of the same message overwrites it; an archive that
 * cannot upload leaves the outbox as it was.
 */
class AzureBlobArchiveProviderIT {

  private static String container() {
    return "archive-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Message message(String topic, Instant timestamp) {
    return new Message(
        MessageHeader.builder(Id.random(), RoutingKey.of(topic), MessageType.EVENT)
            .timestamp(timestamp)
            .correlationId(Id.random())
            .partitionKey("p-1")
            .bag(Map.of("tenant", "acme"))
            .build(),
        MessageBody.json("{\"name\":\"Ada\"}"));
  }

  private static BlobContainerClient blobs(String container) {
    return new BlobServiceClientBuilder()
        .connectionString(LocalAzurite.connectionString())
        .buildClient()
        .getBlobContainerClient(container);
  }

  @Test
  void eachMessageIsOneBlobUnderItsDayAndReadsBackEqual() {
    String container = container();
    AzureBlobArchiveProvider archive =
        AzureBlobArchiveProvider.builder()
            .connectionString(LocalAzurite.connectionString())
            .container(container)
            .prefix("orders/")
            .tags(true)
            .build();
    Message first = message("order.placed", Instant.parse("2026-11-30T23:59:59Z"));
    Message second = message("order shipped/€", Instant.parse("2026-12-01T00:00:01Z"));

    archive.archive(List.of(first, second));

    BlobContainerClient blobs = blobs(container);
    assertThat(blobs.listBlobs().stream().map(BlobItem::getName))
        .containsExactlyInAnyOrder(
            "orders/2026/11/30/" + first.id().value() + ".json",
            "orders/2026/12/01/" + second.id().value() + ".json");
    for (Message message : List.of(first, second)) {
      byte[] content = blobs.getBlobClient(archive.blobName(message)).downloadContent().toBytes();
      assertThat(AzureBlobArchiveProvider.read(content)).isEqualTo(message);
    }
    Map<String, String> metadata =
        blobs.getBlobClient(archive.blobName(second)).getProperties().getMetadata();
    assertThat(metadata)
        .containsEntry("messageid", second.id().value())
        .containsEntry("topic", "order+shipped%2F%E2%82%AC")
        .containsEntry("messagetype", "EVENT");
    assertThat(blobs.getBlobClient(archive.blobName(second)).getTags())
        .containsEntry("topic", "order shipped/_")
        .containsEntry("messagetype", "EVENT");
  }

  @Test
  void archivingAMessageAgainKeepsOneBlob() {
    String container = container();
    AzureBlobArchiveProvider archive =
        AzureBlobArchiveProvider.builder()
            .connectionString(LocalAzurite.connectionString())
            .container(container)
            .build();
    Message message = message("order.placed", Instant.now());

    archive.archive(List.of(message));
    archive.archiveAsync(List.of(message)).join();

    assertThat(
            blobs(container)
                .listBlobs(
                    new ListBlobsOptions()
                        .setDetails(new BlobListDetails().setRetrieveMetadata(true)),
                    null))
        .hasSize(1);
  }

  @Test
  void anArchiveThatCannotUploadLeavesTheOutboxAsItWas() {
    String unreachable =
        "DefaultEndpointsProtocol=http;AccountName="
            + LocalAzurite.ACCOUNT
            + ";AccountKey="
            + LocalAzurite.KEY
            + ";BlobEndpoint=http://127.0.0.1:"
            + FreePort.find()
            + "/"
            + LocalAzurite.ACCOUNT
            + ";";
    AzureBlobArchiveProvider archive =
        AzureBlobArchiveProvider.builder()
            .connectionString(unreachable)
            .container(container())
            .createContainer(false)
            .retryOptions(
                new RetryOptions(
                    new ExponentialBackoffOptions()
                        .setMaxRetries(1)
                        .setBaseDelay(Duration.ofMillis(10))
                        .setMaxDelay(Duration.ofMillis(20))))
            .build();
    InMemoryOutbox outbox = new InMemoryOutbox();
    Message message = message("order.placed", Instant.now().minusSeconds(60));
    outbox.add(message, new RequestContext(), null);
    outbox.markDispatched(message.id(), Instant.now().minusSeconds(30));
    OutboxArchiver archiver =
        OutboxArchiver.builder()
            .outbox(outbox)
            .archiveProvider(archive)
            .dispatchedAge(Duration.ZERO)
            .build();

    assertThatThrownBy(archiver::archive).isInstanceOf(RuntimeException.class);

    assertThat(outbox.get(message.id())).isEqualTo(message);
  }

  @Test
  void aProviderNeedsAContainerAndAWayIn() {
    assertThatThrownBy(
            () ->
                AzureBlobArchiveProvider.builder()
                    .connectionString(LocalAzurite.connectionString())
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("container");
    assertThatThrownBy(() -> AzureBlobArchiveProvider.builder().container("c").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("connection string");
  }
}
