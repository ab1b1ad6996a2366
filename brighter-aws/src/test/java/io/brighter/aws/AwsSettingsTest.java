package io.brighter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.aws.internal.AwsNames;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Names, settings and the connection: what reaches AWS is checked, what is logged hides keys. */
class AwsSettingsTest {

  @Test
  void the_connection_shows_no_key_when_logged() {
    // given
    AwsConnection aws =
        AwsConnection.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIAEXAMPLEKEYID", "wJalrXUtnFEMI/SECRET")))
            .endpointOverride(URI.create("http://127.0.0.1:9324"))
            .build();

    // when
    String shown = aws.toString();

    // then
    assertThat(shown)
        .contains("eu-west-1", "StaticCredentialsProvider", "127.0.0.1:9324")
        .doesNotContain("AKIAEXAMPLEKEYID", "SECRET");
  }

  @Test
  void a_connection_needs_a_region() {
    assertThatThrownBy(() -> AwsConnection.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("region");
  }

  @Test
  void a_known_account_gives_each_topic_its_conventional_arn_in_the_region_s_partition() {
    AwsConnection.Builder aws = AwsConnection.builder().accountId("123456789012");

    assertThat(aws.region(Region.EU_WEST_1).build().conventionalTopicArn("orders"))
        .isEqualTo("arn:aws:sns:eu-west-1:123456789012:orders");
    assertThat(aws.region(Region.CN_NORTH_1).build().conventionalTopicArn("orders"))
        .isEqualTo("arn:aws-cn:sns:cn-north-1:123456789012:orders");
    assertThat(AwsConnection.builder().region(Region.EU_WEST_1).build().conventionalTopicArn("x"))
        .isNull();
    assertThatThrownBy(() -> aws.accountId("12345").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("twelve digits");
  }

  @Test
  void names_become_aws_names_as_dotnet_makes_them() {
    assertThat(AwsNames.queue("greeting.added", false, "q")).isEqualTo("greeting_added");
    assertThat(AwsNames.queue("greeting.added", true, "q")).isEqualTo("greeting_added.fifo");
    assertThat(AwsNames.queue("orders.fifo", true, "q")).isEqualTo("orders.fifo");
    assertThat(AwsNames.queue("x".repeat(100), false, "q")).hasSize(80);
    assertThat(AwsNames.queue("x".repeat(100), true, "q")).hasSize(80).endsWith(".fifo");
    assertThat(AwsNames.topic("y".repeat(300), false, "t")).hasSize(256);
  }

  @Test
  void a_name_with_a_character_aws_refuses_fails_naming_it() {
    assertThatThrownBy(() -> AwsNames.queue("orders/../admin", false, "SqsPublication.queueName"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("SqsPublication.queueName")
        .hasMessageContaining("'/'");
    assertThatThrownBy(() -> AwsNames.topic(" ", false, "routing key"))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void settings_out_of_range_fail_when_made() {
    assertThatThrownBy(() -> SqsSubscription.DEFAULT.withVisibilityTimeout(Duration.ofHours(13)))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> SqsPublication.DEFAULT.withMaxMessageBytes(0))
        .isInstanceOf(ConfigurationException.class);
  }
}
