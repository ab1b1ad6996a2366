package io.brighter.azure.local;

import io.brighter.local.NodeServer;
import java.net.URI;
import java.util.List;

/**
 * Azure Blob Storage for this JVM: Azurite's blob service (Microsoft's MIT-licensed Azure Storage
 * emulator on Node.js, from npm), started on first use, in memory, and stopped when the JVM exits
 * (under {@code bin/test}, shared by every JVM of the run; see {@link
 * io.brighter.local.NodeServer}). Give a blob client {@link #connectionString()}.
 *
 * {@snippet :
 * BlobServiceClient blobs = new BlobServiceClientBuilder()
 *     .connectionString(LocalAzurite.connectionString())
 *     .buildClient();
 * }
 *
 * <p>Azurite 3.35.0, the newest that runs on node 18 and 20, is started with {@code
 * --skipApiVersionCheck}, as the Azure SDK asks for newer service versions than it lists, and
 * {@code --loose}, so headers it does not implement are ignored. It does not model geo-replication,
 * access tiers beyond recording them, immutability policies or account-level SAS rules.
 */
public final class LocalAzurite {

  /** Azurite's development account. */
  public static final String ACCOUNT = "devstoreaccount1";

  /** The development account's key, published with Azurite. */
  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final NodeServer.Package AZURITE =
      new NodeServer.Package(
          "azurite",
          "3.35.0",
          "node_modules/azurite/dist/src/blob/main.js",
          (dir, port) ->
              List.of(
                  "--blobHost",
                  "127.0.0.1",
                  "--blobPort",
                  Integer.toString(port),
                  "--inMemoryPersistence",
                  "--extentMemoryLimit",
                  "256",
                  "--silent",
                  "--loose",
                  "--skipApiVersionCheck",
                  "--disableTelemetry"));

  private static final class Holder {
    private static final LocalAzurite INSTANCE = startOnce();
  }

  private final URI blobEndpoint;

  private LocalAzurite(URI blobEndpoint) {
    this.blobEndpoint = blobEndpoint;
  }

  private static LocalAzurite startOnce() {
    NodeServer azurite = NodeServer.start(AZURITE);
    Runtime.getRuntime().addShutdownHook(new Thread(azurite::stop, "stop-azurite"));
    return new LocalAzurite(URI.create("http://127.0.0.1:" + azurite.port() + "/" + ACCOUNT));
  }

  /** The blob service's address, with the account (Azurite starts on first call). */
  public static URI blobEndpoint() {
    return Holder.INSTANCE.blobEndpoint;
  }

  /** A connection string for the development account at {@link #blobEndpoint()}. */
  public static String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + KEY
        + ";BlobEndpoint="
        + blobEndpoint()
        + ";";
  }
}
