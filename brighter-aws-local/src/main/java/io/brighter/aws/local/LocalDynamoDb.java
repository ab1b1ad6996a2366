package io.brighter.aws.local;

import io.brighter.local.NodeServer;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB endpoint of the integration tests: dynalite behind the {@link TransactFront},
 * started on first use and stopped when the JVM exits, or, under {@code bin/test}, shared by every
 * JVM of the run (see {@link io.brighter.local.NodeServer}); the front is this JVM's own. Make
 * clients with {@link #client()}.
 *
 * {@snippet :
 * DynamoDbClient client = LocalDynamoDb.client();
 * }
 */
public final class LocalDynamoDb {

  private static final class Holder {
    private static final LocalDynamoDb INSTANCE = startOnce();
  }

  private final URI endpoint;

  private LocalDynamoDb(URI endpoint) {
    this.endpoint = endpoint;
  }

  private static LocalDynamoDb startOnce() {
    NodeServer dynalite = NodeServer.start(AwsNodeServers.DYNALITE);
    TransactFront front = TransactFront.start(dynalite.port());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  front.stop();
                  dynalite.stop();
                },
                "stop-dynalite"));
    return new LocalDynamoDb(URI.create("http://127.0.0.1:" + front.port()));
  }

  /** The front's address (dynalite starts on first call). */
  public static URI endpoint() {
    return Holder.INSTANCE.endpoint;
  }

  /** A client of the test endpoint. */
  public static DynamoDbClient client() {
    return client(List.of());
  }

  /** A client of the test endpoint whose requests pass through {@code interceptors}. */
  public static DynamoDbClient client(List<ExecutionInterceptor> interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .overrideConfiguration(config -> interceptors.forEach(config::addExecutionInterceptor))
        .build();
  }

  /** An asynchronous client of the test endpoint. */
  public static DynamoDbAsyncClient asyncClient() {
    return DynamoDbAsyncClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }
}
