package io.brighter.spring.boot;

import io.brighter.aws.AwsConnection;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The AWS transport from properties ({@link BrighterAwsProperties}, {@code brighter.aws.*}), when
 * {@code brighter-aws} is on the class path: an {@link AwsConnection} bean, made when first needed,
 * and for each configured publication a producer bean and for each subscription a {@code
 * Subscription} bean, which the external bus and the dispatcher take up as they take the
 * application's own. An application's own {@link AwsConnection} bean replaces the one made here.
 */
@AutoConfiguration(
    before = {
      BrighterJdbcAutoConfiguration.class,
      BrighterOutboxAutoConfiguration.class,
      BrighterAutoConfiguration.class
    })
@ConditionalOnClass(AwsConnection.class)
@EnableConfigurationProperties(BrighterAwsProperties.class)
@Import(BrighterAwsChannels.class)
public class BrighterAwsAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public BrighterAwsAutoConfiguration() {}

  /**
   * The connection to SNS and SQS: the region, endpoint and keys of {@code brighter.aws}, else of
   * Spring Cloud AWS, else the AWS SDK's defaults. Made when a producer, a subscription or the
   * application first needs it.
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public AwsConnection brighterAwsConnection(
      BrighterAwsProperties properties,
      Environment environment,
      @Value("${spring.cloud.aws.region.static:}") String cloudRegion,
      @Value("${spring.cloud.aws.endpoint:}") String cloudEndpoint) {
    String region = properties.region() != null ? properties.region() : cloudRegion;
    AwsConnection.Builder connection =
        AwsConnection.builder()
            .region(
                region.isBlank()
                    ? new DefaultAwsRegionProviderChain().getRegion()
                    : Region.of(region));
    connection.accountId(properties.accountId());
    if (properties.endpoint() != null) {
      connection.endpointOverride(properties.endpoint());
    } else if (!cloudEndpoint.isBlank()) {
      connection.endpointOverride(URI.create(cloudEndpoint));
    }
    String accessKey =
        properties.accessKey() != null
            ? properties.accessKey()
            : environment.getProperty("spring.cloud.aws.credentials.access-key");
    String secretKey =
        properties.secretKey() != null
            ? properties.secretKey()
            : environment.getProperty("spring.cloud.aws.credentials.secret-key");
    if (accessKey != null && secretKey != null) {
      connection.credentialsProvider(
          StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }
    return connection.build();
  }
}
