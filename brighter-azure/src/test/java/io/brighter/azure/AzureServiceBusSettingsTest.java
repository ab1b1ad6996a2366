package io.brighter.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.brighter.ConfigurationException;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The Service Bus settings refuse what Service Bus would refuse, before anything is sent. */
class AzureServiceBusSettingsTest {

  private static final TokenCredential CREDENTIAL =
      request -> Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1)));

  @Test
  void a_configuration_takes_a_connection_string_or_a_namespace_with_a_credential() {
    assertThat(
            AzureServiceBusConfiguration.builder()
                .fullyQualifiedNamespace("orders.servicebus.windows.net")
                .credential(CREDENTIAL)
                .build()
                .bulkSendBatchSize())
        .isEqualTo(AzureServiceBusConfiguration.DEFAULT_BULK_SEND_BATCH_SIZE);
    assertThatThrownBy(() -> AzureServiceBusConfiguration.builder().build())
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () ->
                AzureServiceBusConfiguration.builder()
                    .connectionString("Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=v")
                    .credential(CREDENTIAL)
                    .build())
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () ->
                AzureServiceBusConfiguration.builder()
                    .fullyQualifiedNamespace("orders.servicebus.windows.net")
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("credential");
    assertThatThrownBy(() -> AzureServiceBusConfiguration.builder().bulkSendBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_subscription_keeps_the_lock_duration_service_bus_takes() {
    assertThatThrownBy(
            () -> AzureServiceBusSubscription.DEFAULT.withLockDuration(Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 seconds to 5 minutes");
    assertThatThrownBy(() -> AzureServiceBusSubscription.DEFAULT.withMaxDeliveryCount(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AzureServiceBusSubscription.DEFAULT.withSqlFilter("a = 1").maxDeliveryCount())
        .isEqualTo(5);
  }
}
