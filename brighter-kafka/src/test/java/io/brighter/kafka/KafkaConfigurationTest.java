package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a Kafka configuration shows when it is printed. */
class KafkaConfigurationTest {

  @Test // #15: secrets never in logs or toString
  void printing_the_configuration_masks_every_secret_property() {
    KafkaConfiguration kafka =
        KafkaConfiguration.of("broker:9093")
            .withProperty("security.protocol", "SASL_SSL")
            .withProperty(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"app\" password=\"hunter2\";")
            .withProperty("ssl.key.password", "k3y-pass")
            .withProperty("ssl.truststore.password", "trust-pass")
            .withProperty("my.vault.token", "t0ken");

    String printed = kafka.toString();

    assertThat(printed)
        .doesNotContain("hunter2", "k3y-pass", "trust-pass", "t0ken")
        .contains("security.protocol=SASL_SSL", "broker:9093", "ssl.key.password=***");
  }
}
