package io.brighter.aws.local;

import io.brighter.local.FreePort;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS endpoint in this JVM: ElasticMQ with SQS's own limits (ten attributes a message, 1 MiB
 * bodies, long polls up to 20 s), on loopback and a port of its own, in region {@code us-east-1}.
 * {@link #shared()} starts one per JVM on first use and stops it when the JVM exits; {@link
 * #start()} starts another that the caller stops.
 *
 * {@snippet :
 * LocalSqs sqs = LocalSqs.shared();
 * SqsClient client = sqs.client();
 * }
 *
 * <p>What it does not model: messages never expire (no retention period), IAM policies and
 * encryption are ignored, and a size limit counts characters rather than bytes. Queues live in
 * memory and go with the JVM.
 */
public final class LocalSqs implements AutoCloseable {

  /** The region the local endpoints answer for. */
  public static final Region REGION = Region.US_EAST_1;

  private static final class Shared {
    private static final LocalSqs INSTANCE = startShared();

    private static LocalSqs startShared() {
      LocalSqs sqs = start();
      Runtime.getRuntime().addShutdownHook(new Thread(sqs::close, "stop-local-sqs"));
      return sqs;
    }
  }

  private final SQSRestServer server;
  private final URI endpoint;

  private LocalSqs(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** The endpoint this JVM shares, started on first use. */
  public static LocalSqs shared() {
    return Shared.INSTANCE;
  }

  /** A new endpoint on a free loopback port; close it when done. */
  public static LocalSqs start() {
    int port = FreePort.find();
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .withSQSLimits(StrictSQSLimits$.MODULE$)
            .withAWSRegion(REGION.id())
            .start();
    server.waitUntilStarted();
    return new LocalSqs(server, URI.create("http://127.0.0.1:" + port));
  }

  /** Where the endpoint listens. */
  public URI endpoint() {
    return endpoint;
  }

  /** Credentials the endpoint takes (any). */
  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  /** A new client of the endpoint; the caller closes it. */
  public SqsClient client() {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(credentials())
        .build();
  }

  /** Stops the endpoint; its queues go with it. */
  @Override
  public void close() {
    server.stopAndWait();
  }
}
