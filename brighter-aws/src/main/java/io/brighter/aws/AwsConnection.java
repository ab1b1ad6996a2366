package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import java.net.URI;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * How to reach AWS: the region, the credentials, an endpoint to use instead of AWS's own (a local
 * endpoint, a VPC endpoint), and overrides of the SDK clients' configuration (retries, timeouts,
 * interceptors). Producers, consumers and channel factories make their SNS and SQS clients from it.
 *
 * {@snippet :
 * AwsConnection aws = AwsConnection.builder()
 *     .region(Region.EU_WEST_1)
 *     .credentialsProvider(DefaultCredentialsProvider.builder().build())
 *     .build();
 * AwsConnection local = AwsConnection.builder()
 *     .region(Region.US_EAST_1)
 *     .endpointOverride(URI.create("http://127.0.0.1:9324"))
 *     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
 *     .build();
 * }
 *
 * <p>{@link #toString()} names the credentials provider's class only, never a key.
 *
 * @param region the AWS region
 * @param credentialsProvider where the SDK gets credentials
 * @param endpointOverride the endpoint every client calls instead of AWS's; null for AWS's own
 * @param accountId the account's twelve-digit id, to find topics by convention; null to find them
 *     by listing the account's topics
 * @param clientOverrides applied to every client's override configuration
 */
public record AwsConnection(
    Region region,
    AwsCredentialsProvider credentialsProvider,
    @Nullable URI endpointOverride,
    @Nullable String accountId,
    Consumer<ClientOverrideConfiguration.Builder> clientOverrides) {

  /** Checks the parts. */
  public AwsConnection {
    Settings.required(region, "AwsConnection.region");
    Settings.required(credentialsProvider, "AwsConnection.credentialsProvider");
    Settings.required(clientOverrides, "AwsConnection.clientOverrides");
    if (accountId != null && !accountId.matches("\\d{12}")) {
      throw new ConfigurationException(
          "AwsConnection.accountId must be twelve digits: " + accountId);
    }
  }

  /**
   * The ARN a topic named {@code topicName} has by convention in this connection's account and
   * region ({@code arn:<partition>:sns:<region>:<account>:<name>}); null when the account is not
   * known. With it, topics are found without listing the account's topics (no {@code
   * sns:ListTopics} permission, one call however many topics there are).
   */
  public @Nullable String conventionalTopicArn(String topicName) {
    if (accountId == null) {
      return null;
    }
    RegionMetadata metadata = region.metadata();
    String partition = metadata == null ? "aws" : metadata.partition().id();
    return "arn:" + partition + ":sns:" + region.id() + ":" + accountId + ":" + topicName;
  }

  /** A builder: region required; the SDK's default credentials; AWS's own endpoints. */
  public static Builder builder() {
    return new Builder();
  }

  /** A new SQS client on this connection; the caller closes it. */
  public SqsClient sqsClient() {
    return configured(SqsClient.builder()).build();
  }

  /** A new SNS client on this connection; the caller closes it. */
  public SnsClient snsClient() {
    return configured(SnsClient.builder()).build();
  }

  /** A new asynchronous SQS client on this connection; the caller closes it. */
  public SqsAsyncClient sqsAsyncClient() {
    return configured(SqsAsyncClient.builder()).build();
  }

  /** A new asynchronous SNS client on this connection; the caller closes it. */
  public SnsAsyncClient snsAsyncClient() {
    return configured(SnsAsyncClient.builder()).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configured(B builder) {
    builder.region(region).credentialsProvider(credentialsProvider);
    if (endpointOverride != null) {
      builder.endpointOverride(endpointOverride);
    }
    return builder.overrideConfiguration(clientOverrides);
  }

  /** The region, the endpoint and the credentials provider's class: never a key. */
  @Override
  public String toString() {
    return "AwsConnection[region="
        + region
        + ", credentialsProvider="
        + credentialsProvider.getClass().getSimpleName()
        + ", endpointOverride="
        + endpointOverride
        + ", accountId="
        + accountId
        + "]";
  }

  /** Collects the parts of an {@link AwsConnection}. */
  public static final class Builder {
    private @Nullable Region region;
    private @Nullable AwsCredentialsProvider credentialsProvider;
    private @Nullable URI endpointOverride;
    private @Nullable String accountId;
    private Consumer<ClientOverrideConfiguration.Builder> clientOverrides = overrides -> {};

    private Builder() {}

    /** The AWS region; required. */
    public Builder region(Region value) {
      this.region = value;
      return this;
    }

    /** Where credentials come from; the SDK's default chain when not set. */
    public Builder credentialsProvider(AwsCredentialsProvider value) {
      this.credentialsProvider = value;
      return this;
    }

    /** An endpoint to call instead of AWS's own, such as a local endpoint. */
    public Builder endpointOverride(@Nullable URI value) {
      this.endpointOverride = value;
      return this;
    }

    /**
     * The account's twelve-digit id, when known: topics are then found by the ARN they have by
     * convention ({@link AwsConnection#conventionalTopicArn}) rather than by listing topics.
     */
    public Builder accountId(@Nullable String value) {
      this.accountId = value;
      return this;
    }

    /** Changes to every client's override configuration: retries, timeouts, interceptors. */
    public Builder clientOverrides(Consumer<ClientOverrideConfiguration.Builder> value) {
      this.clientOverrides = requireNonNull(value, "clientOverrides must not be null");
      return this;
    }

    /**
     * The connection.
     *
     * @throws io.brighter.ConfigurationException when the region is missing
     */
    public AwsConnection build() {
      return new AwsConnection(
          Settings.required(region, "AwsConnection.region"),
          credentialsProvider != null
              ? credentialsProvider
              : DefaultCredentialsProvider.builder().build(),
          endpointOverride,
          accountId,
          clientOverrides);
    }
  }
}
