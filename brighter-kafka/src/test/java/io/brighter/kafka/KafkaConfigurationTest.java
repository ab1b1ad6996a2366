package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import org.junit.jupiter.api.Test;

/** What a Kafka configuration shows when it is printed, and which topic names it refuses. */
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

  @Test // #15: identifiers are checked before they reach the broker
  void a_producer_of_a_topic_name_kafka_refuses_is_a_configuration_error() {
    KafkaPublication publication =
        KafkaPublication.of(Publication.builder().topic(RoutingKey.of("greeting added")).build());

    assertThatThrownBy(
            () -> new KafkaMessageProducer(KafkaConfiguration.of("127.0.0.1:1"), publication))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'greeting added'");
  }

  @Test // #15: a record Kafka's client would refuse is refused when it is deposited
  void a_producer_takes_messages_up_to_its_max_request_size() {
    KafkaConfiguration kafka = KafkaConfiguration.of("127.0.0.1:1");
    Publication notes = Publication.builder().topic(RoutingKey.of("notes")).build();

    try (KafkaMessageProducer standard =
            new KafkaMessageProducer(kafka, KafkaPublication.of(notes));
        KafkaMessageProducer raised =
            new KafkaMessageProducer(
                kafka.withProperty("max.request.size", "5242880"), KafkaPublication.of(notes))) {
      assertThat(standard.maxMessageBytes()).isEqualTo(1_048_576);
      assertThat(raised.maxMessageBytes()).isEqualTo(5_242_880);
    }
  }
}
