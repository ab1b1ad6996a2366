package io.brighter.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.brighter.ConfigurationException;
import io.brighter.messaging.Message;
import io.brighter.outbox.archive.ArchiveJson;
import io.brighter.outbox.archive.ArchiveProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ArchiveProvider} that keeps each archived message as one blob in an Azure Blob Storage
 * container, so one message can be found, read or restored without reading a day's batch.
 *
 * {@snippet :
 * ArchiveProvider archive = AzureBlobArchiveProvider.builder()
 *     .connectionString(System.getenv("ARCHIVE_STORAGE"))   // or .endpoint(url).credential(token)
 *     .container("outbox-archive")
 *     .accessTier(AccessTier.COOL)
 *     .build();
 * OutboxArchiver archiver = OutboxArchiver.builder().outbox(outbox).archiveProvider(archive).build();
 * }
 *
 * <p><b>Layout.</b> A message goes to {@code <prefix><yyyy>/<MM>/<dd>/<message id>.json}, the date
 * being the message's timestamp in UTC; the content is {@link ArchiveJson} (every header field and
 * the body), read back with {@link #read(byte[])}. The blob's metadata carries the message id, the
 * topic (URL-encoded) and the message type; with {@link Builder#tags(boolean)} the topic and type
 * are blob index tags too, so blobs can be found by them.
 *
 * <p><b>Rules.</b> {@link #archive} returns only when every blob of the batch is uploaded, else it
 * throws and the archiver deletes nothing from the outbox. Archiving a message again overwrites its
 * blob with the same content. {@link #archiveAsync} is the same without blocking. Thread-safe.
 */
public final class AzureBlobArchiveProvider implements ArchiveProvider {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final BlobContainerAsyncClient container;
  private final String prefix;
  private final @Nullable AccessTier accessTier;
  private final boolean tags;

  private AzureBlobArchiveProvider(Builder builder, BlobContainerAsyncClient container) {
    this.container = container;
    this.prefix = builder.prefix;
    this.accessTier = builder.accessTier;
    this.tags = builder.tags;
  }

  /** A builder: a connection string or an endpoint and credential, and a container, required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The name of the blob that holds {@code message}. */
  public String blobName(Message message) {
    return prefix + DAY.format(message.header().timestamp()) + "/" + message.id().value() + ".json";
  }

  /**
   * Uploads a blob per message and returns once all are uploaded.
   *
   * @throws RuntimeException the storage client's failure, when any upload failed
   */
  @Override
  public void archive(List<Message> messages) {
    try {
      archiveAsync(messages).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Uploads a blob per message; the future completes when all are uploaded, or fails. */
  public CompletableFuture<Void> archiveAsync(List<Message> messages) {
    requireNonNull(messages, "messages must not be null");
    List<CompletableFuture<?>> uploads = new ArrayList<>(messages.size());
    for (Message message : messages) {
      uploads.add(upload(message));
    }
    return CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<?> upload(Message message) {
    BlobParallelUploadOptions options =
        new BlobParallelUploadOptions(BinaryData.fromBytes(ArchiveJson.write(message)))
            .setHeaders(new BlobHttpHeaders().setContentType("application/json"))
            .setMetadata(
                Map.of(
                    "messageid", message.id().value(),
                    "topic",
                        URLEncoder.encode(message.header().topic().value(), StandardCharsets.UTF_8),
                    "messagetype", message.header().messageType().name()));
    if (accessTier != null) {
      options.setTier(accessTier);
    }
    if (tags) {
      options.setTags(
          Map.of(
              "topic", tagValue(message.header().topic().value()),
              "messagetype", message.header().messageType().name()));
    }
    return container.getBlobAsyncClient(blobName(message)).uploadWithResponse(options).toFuture();
  }

  /** {@code value} with each character a blob index tag refuses made {@code _}, cut to 256. */
  private static String tagValue(String value) {
    StringBuilder tag = new StringBuilder(Math.min(value.length(), 256));
    for (int i = 0; i < value.length() && tag.length() < 256; i++) {
      char c = value.charAt(i);
      boolean allowed = (c < 128 && Character.isLetterOrDigit(c)) || " +-./:=_".indexOf(c) >= 0;
      tag.append(allowed ? c : '_');
    }
    return tag.toString();
  }

  /**
   * The message an archive blob holds.
   *
   * @throws IllegalArgumentException when {@code blob} is not an archived message
   */
  public static Message read(byte[] blob) {
    return ArchiveJson.read(blob);
  }

  /** Collects the parts of an {@link AzureBlobArchiveProvider}. */
  public static final class Builder {
    private @Nullable String connectionString;
    private @Nullable String endpoint;
    private @Nullable TokenCredential credential;
    private @Nullable String container;
    private String prefix = "";
    private @Nullable AccessTier accessTier;
    private boolean tags;
    private boolean createContainer = true;
    private @Nullable RetryOptions retryOptions;

    private Builder() {}

    /** The storage account's connection string (account key or SAS). */
    public Builder connectionString(String value) {
      this.connectionString = requireNonNull(value, "connectionString must not be null");
      return this;
    }

    /**
     * The blob service's endpoint, {@code https://<account>.blob.core.windows.net}, with {@link
     * #credential}.
     */
    public Builder endpoint(String value) {
      this.endpoint = requireNonNull(value, "endpoint must not be null");
      return this;
    }

    /** The Microsoft Entra credential (a managed identity, say) for {@link #endpoint}. */
    public Builder credential(TokenCredential value) {
      this.credential = requireNonNull(value, "credential must not be null");
      return this;
    }

    /** The container of the archive; required. */
    public Builder container(String value) {
      this.container = requireNonNull(value, "container must not be null");
      return this;
    }

    /** Put before each blob name, e.g. {@code "orders/"}; empty by default. */
    public Builder prefix(String value) {
      this.prefix = requireNonNull(value, "prefix must not be null");
      return this;
    }

    /** The access tier each blob is uploaded in; the account's default when not set. */
    public Builder accessTier(@Nullable AccessTier value) {
      this.accessTier = value;
      return this;
    }

    /** Whether each blob gets the topic and message type as blob index tags; false by default. */
    public Builder tags(boolean value) {
      this.tags = value;
      return this;
    }

    /** How the storage client retries a failed request; the Azure SDK's default when not set. */
    public Builder retryOptions(@Nullable RetryOptions value) {
      this.retryOptions = value;
      return this;
    }

    /** Whether {@link #build} creates the container when it is missing; true by default. */
    public Builder createContainer(boolean value) {
      this.createContainer = value;
      return this;
    }

    /**
     * The provider, its container created now when missing and asked to.
     *
     * @throws ConfigurationException when the container, or both a connection string and an
     *     endpoint with a credential, are missing
     */
    public AzureBlobArchiveProvider build() {
      if (container == null || container.isBlank()) {
        throw new ConfigurationException("AzureBlobArchiveProvider needs a container");
      }
      BlobContainerClientBuilder client = new BlobContainerClientBuilder().containerName(container);
      if (connectionString != null) {
        client.connectionString(connectionString);
      } else if (endpoint != null && credential != null) {
        client.endpoint(endpoint).credential(credential);
      } else {
        throw new ConfigurationException(
            "AzureBlobArchiveProvider needs a connection string, or an endpoint and a credential");
      }
      if (retryOptions != null) {
        client.retryOptions(retryOptions);
      }
      BlobContainerAsyncClient containerClient = client.buildAsyncClient();
      if (createContainer) {
        containerClient.createIfNotExists().block();
      }
      return new AzureBlobArchiveProvider(this, containerClient);
    }
  }
}
