package io.brighter.aws.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The local AWS endpoint of this JVM: {@link LocalSns} in front of {@link LocalSqs}, one address
 * for SNS and SQS clients alike, started on first use and stopped when the JVM exits. Point an AWS
 * SDK client (or a transport's connection) at {@link #endpoint()} in {@link #REGION} with {@link
 * #credentials()}.
 *
 * {@snippet :
 * AwsConnection aws = AwsConnection.builder()
 *     .region(LocalAws.REGION)
 *     .credentialsProvider(LocalAws.credentials())
 *     .endpointOverride(LocalAws.endpoint())
 *     .build();
 * }
 */
public final class LocalAws {

  /** The region the local endpoints answer for. */
  public static final Region REGION = LocalSqs.REGION;

  /** The account the local endpoints' ARNs name. */
  public static final String ACCOUNT_ID = "000000000000";

  private LocalAws() {}

  /** The shared endpoint's address; SQS and SNS start on first call. */
  public static URI endpoint() {
    return LocalSns.shared().endpoint();
  }

  /** Credentials the endpoints take (any). */
  public static AwsCredentialsProvider credentials() {
    return LocalSqs.credentials();
  }
}
