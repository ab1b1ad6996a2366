package io.brighter.aws;

import io.brighter.aws.local.LocalAws;

/** The connection of the integration tests: the local SNS and SQS endpoint of the test JVM. */
final class LocalAwsConnection {

  static final AwsConnection AWS =
      AwsConnection.builder()
          .region(LocalAws.REGION)
          .credentialsProvider(LocalAws.credentials())
          .endpointOverride(LocalAws.endpoint())
          .build();

  private LocalAwsConnection() {}
}
