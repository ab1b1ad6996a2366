package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings records: defaults, checks, and the queue arguments they declare. */
class RmqSettingsTest {

  @Nested
  class Connection {

    @Test
    void defaults_to_the_loopback_broker_and_dotnet_brighters_exchange_for_both_roles() {
      RmqConnection connection = RmqConnection.builder().build();

      assertThat(connection.uri()).isEqualTo(RmqConnection.LOCAL_URI);
      assertThat(connection.exchange()).isEqualTo(RmqExchange.direct("paramore.brighter.exchange"));
      assertThat(connection.deadLetterExchange()).isEqualTo(connection.exchange());
      assertThat(connection.heartbeat()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test // #15: a subscription or a connection in a log line printed the broker's password
    void printing_the_settings_masks_the_password() {
      RmqConnection connection =
          RmqConnection.builder().uri(URI.create("amqps://app:s3cr3t@broker:5671/%2f")).build();

      assertThat(connection.toString())
          .doesNotContain("s3cr3t")
          .contains("amqps://app:***@broker:5671/%2f");
    }

    @Test // #15: identifiers are checked before they reach the broker
    void names_outside_amqps_rules_are_refused_naming_the_setting() {
      String tooLong = "k".repeat(256);

      assertThatThrownBy(() -> RmqExchange.direct("greetings exchange"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("RmqExchange.name");
      assertThatThrownBy(
              () ->
                  new RmqTopology.QueueSpec(
                      "amq.greetings",
                      RoutingKey.of("greeting.added"),
                      RoutingKey.of("greeting.added.dlq"),
                      RmqConnection.builder().build(),
                      RmqSubscription.DEFAULT))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Subscription.channelName")
          .hasMessageContaining("amq.");
      assertThatThrownBy(
              () ->
                  new RmqMessageProducer(
                      RmqConnection.builder().build(),
                      Publication.builder().topic(RoutingKey.of(tooLong)).build()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Publication.topic")
          .hasMessageContaining("256 bytes");
    }

    @Test
    void rejects_a_uri_that_is_not_amqp() {
      assertThatThrownBy(
              () -> RmqConnection.builder().uri(URI.create("http://u:pw@host:5672")).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("RmqConnection.uri")
          .hasMessageNotContaining("pw");
    }

    @Test
    void retry_backs_off_by_doubling() {
      RmqConnectionRetry retry = RmqConnectionRetry.DEFAULT;

      assertThat(retry.backOff(1)).isEqualTo(Duration.ofSeconds(1));
      assertThat(retry.backOff(3)).isEqualTo(Duration.ofSeconds(4));
    }
  }

  @Nested
  class Subscription {

    @Test // #12: failed at start after declaring two orphan durable queues
    void an_empty_channel_name_is_refused_before_anything_is_declared() {
      RmqConnection nowhere =
          RmqConnection.builder().uri(URI.create("amqp://guest:guest@127.0.0.1:1")).build();

      assertThatThrownBy(
              () ->
                  new RmqMessageConsumer(
                      nowhere,
                      RmqSubscription.DEFAULT,
                      RoutingKey.of("greeting.added"),
                      "",
                      1,
                      RoutingKey.of("greeting.added.dlq"),
                      OnMissingChannel.CREATE))
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("RmqMessageConsumer.channelName may not be blank");
    }

    @Test
    void a_quorum_queue_must_be_durable() {
      assertThatThrownBy(
              () -> RmqSubscription.DEFAULT.withDurable(false).withQueueType(RmqQueueType.QUORUM))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("durable");
    }

    @Test
    void the_queue_is_declared_with_its_dead_letter_routing_type_length_and_ttl() {
      // given
      RmqSubscription options =
          RmqSubscription.DEFAULT
              .withQueueType(RmqQueueType.QUORUM)
              .withMaxQueueLength(1000, RmqOverflow.REJECT_PUBLISH)
              .withMessageTtl(Duration.ofMinutes(1));

      // when
      Map<String, Object> arguments =
          RmqTopology.queueArguments(
              new RmqTopology.QueueSpec(
                  "greetings",
                  RoutingKey.of("greeting.added"),
                  RoutingKey.of("greeting.added.dlq"),
                  RmqConnection.builder().deadLetterExchange(RmqExchange.direct("dlx")).build(),
                  options));

      // then
      assertThat(arguments)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "x-queue-type", "quorum",
                  "x-dead-letter-exchange", "dlx",
                  "x-dead-letter-routing-key", "greeting.added.dlq",
                  "x-max-length", 1000,
                  "x-overflow", "reject-publish",
                  "x-message-ttl", 60_000L));
      assertThat(options.deadLetterQueueFor("greetings")).isEqualTo("greetings.dlq");
    }
  }

  @Nested
  class Tls {

    @TempDir Path dir;

    @Test
    void a_context_is_made_from_a_pkcs12_trust_store() throws Exception {
      // given
      Path trustStore = dir.resolve("trust.p12");
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      try (OutputStream out = Files.newOutputStream(trustStore)) {
        store.store(out, "changeit".toCharArray());
      }

      // when
      RmqTls tls = RmqTls.fromKeyStores(trustStore, "changeit".toCharArray(), null, null);

      // then
      assertThat(tls.sslContext().getProtocol()).isEqualTo("TLS");
      assertThat(tls.verifyHostname()).isTrue();
    }

    @Test
    void a_missing_store_is_a_configuration_error() {
      assertThatThrownBy(
              () -> RmqTls.fromKeyStores(dir.resolve("missing.p12"), "x".toCharArray(), null, null))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("TLS");
    }
  }
}
