package io.brighter.aws.local;

import io.brighter.local.NodeServer;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The S3 endpoint of this JVM: s3rver (an MIT-licensed S3 implementation on Node.js, from npm),
 * started on first use and stopped when the JVM exits (under {@code bin/test}, shared by every JVM
 * of the run; see {@link io.brighter.local.NodeServer}), its objects in files under {@code
 * target/s3rver}. Make clients with {@link #client()}: path-style addressing (the endpoint has no
 * bucket host names), whole-payload signing and checksums only where S3 requires them, since s3rver
 * predates the SDK's aws-chunked uploads and default CRC32 trailers (it would store the chunk
 * framing as the object's bytes; {@code LocalS3IT} pins this).
 *
 * {@snippet :
 * S3Client s3 = LocalS3.client();
 * s3.createBucket(request -> request.bucket("luggage"));
 * }
 *
 * <p>It does not model IAM, bucket policies, versioning, object lock, lifecycle rules, encryption
 * or multipart uploads beyond what s3rver does; the S3 transfer manager's parallel parts are
 * untested on it.
 */
public final class LocalS3 {

  private static final class Holder {
    private static final LocalS3 INSTANCE = startOnce();
  }

  private final URI endpoint;

  private LocalS3(URI endpoint) {
    this.endpoint = endpoint;
  }

  private static LocalS3 startOnce() {
    NodeServer s3rver = NodeServer.start(AwsNodeServers.S3RVER);
    Runtime.getRuntime().addShutdownHook(new Thread(s3rver::stop, "stop-s3rver"));
    return new LocalS3(URI.create("http://127.0.0.1:" + s3rver.port()));
  }

  /** The endpoint's address (s3rver starts on first call). */
  public static URI endpoint() {
    return Holder.INSTANCE.endpoint;
  }

  /** The credentials the endpoint takes: s3rver's own key. */
  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER"));
  }

  /** A client of the endpoint; the caller closes it. */
  public static S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(LocalAws.REGION)
        .credentialsProvider(credentials())
        .forcePathStyle(true)
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }
}
