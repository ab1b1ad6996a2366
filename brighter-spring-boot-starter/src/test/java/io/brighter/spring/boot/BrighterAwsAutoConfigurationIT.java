package io.brighter.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.aws.AwsConnection;
import io.brighter.aws.SnsMessageProducer;
import io.brighter.aws.SqsMessageProducer;
import io.brighter.aws.local.LocalAws;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.spring.boot.Fixtures.GreetingAdded;
import io.brighter.spring.boot.Fixtures.GreetingAddedHandler;
import io.brighter.spring.boot.Fixtures.Received;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The AWS transport from properties alone, on the local SNS and SQS endpoint: an application with
 * only {@code brighter.aws.*} settings and a handler bean posts an event and handles it, publish-
 * subscribe and point to point.
 */
class BrighterAwsAutoConfigurationIT {

  private static final AutoConfigurations BRIGHTER =
      AutoConfigurations.of(
          BrighterAwsAutoConfiguration.class,
          BrighterOutboxAutoConfiguration.class,
          BrighterAutoConfiguration.class);

  private static final AwsCredentials KEYS = LocalAws.credentials().resolveCredentials();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(BRIGHTER)
          .withBean(Received.class)
          .withUserConfiguration(GreetingAddedHandler.class)
          .withPropertyValues(
              "brighter.aws.region=" + LocalAws.REGION.id(),
              "brighter.aws.endpoint=" + LocalAws.endpoint(),
              "brighter.aws.access-key=" + KEYS.accessKeyId(),
              "brighter.aws.secret-key=" + KEYS.secretAccessKey(),
              "brighter.sweeper.enabled=false");

  private static String unique(String prefix) {
    return prefix + "." + Id.random().value().substring(0, 8);
  }

  @Test
  void anEventPostedToATopicFromPropertiesReachesItsHandler() {
    String topic = unique("spring.greeting");
    runner
        .withPropertyValues(
            "brighter.aws.publications[0].topic=" + topic,
            "brighter.aws.publications[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.aws.subscriptions[0].name=" + topic.replace('.', '-'),
            "brighter.aws.subscriptions[0].routing-key=" + topic,
            "brighter.aws.subscriptions[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.aws.subscriptions[0].timeout=1s",
            "brighter.aws.subscriptions[0].visibility-timeout=10s")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SnsMessageProducer.class);
              assertThat(context.getBean(Subscription.class).name())
                  .isEqualTo(topic.replace('.', '-'));
              assertThat(context).hasSingleBean(Dispatcher.class);

              context.getBean(CommandProcessor.class).post(new GreetingAdded(Id.random(), "Ada"));

              await()
                  .atMost(Duration.ofSeconds(20))
                  .untilAsserted(
                      () ->
                          assertThat(context.getBean(Received.class).names)
                              .containsExactly("consumed Ada"));
            });
  }

  @Test
  void aCommandSentPointToPointFromPropertiesReachesItsHandler() {
    String queue = unique("spring.direct");
    runner
        .withPropertyValues(
            "brighter.aws.publications[0].topic=" + queue,
            "brighter.aws.publications[0].channel-type=point-to-point",
            "brighter.aws.publications[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.aws.subscriptions[0].name=direct",
            "brighter.aws.subscriptions[0].channel-type=point-to-point",
            "brighter.aws.subscriptions[0].routing-key=" + queue,
            "brighter.aws.subscriptions[0].request-type=" + GreetingAdded.class.getName(),
            "brighter.aws.subscriptions[0].timeout=1s")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SqsMessageProducer.class);

              context.getBean(CommandProcessor.class).post(new GreetingAdded(Id.random(), "Bo"));

              await()
                  .atMost(Duration.ofSeconds(20))
                  .untilAsserted(
                      () ->
                          assertThat(context.getBean(Received.class).names)
                              .containsExactly("consumed Bo"));
            });
  }

  @Test
  void withoutPublicationsOrSubscriptionsNothingOfAwsIsMade() {
    runner
        .withPropertyValues("brighter.aws.account-id=123456789012")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SnsMessageProducer.class);
              assertThat(context).doesNotHaveBean(Dispatcher.class);
              AwsConnection connection = context.getBean(AwsConnection.class);
              assertThat(connection.endpointOverride()).isEqualTo(LocalAws.endpoint());
              assertThat(connection.accountId()).isEqualTo("123456789012");
            });
  }

  @Test
  void aPublicationWithoutATopicFailsTheStartNamingTheProperty() {
    runner
        .withPropertyValues("brighter.aws.publications[0].fifo=true")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining(
                        ConfigurationException.class.getName()
                            + ": brighter.aws.publications[0].topic must be set"));
  }

  @Test
  void springCloudAwsSettingsAreTakenWhenBrighterHasNone() {
    new ApplicationContextRunner()
        .withConfiguration(BRIGHTER)
        .withPropertyValues(
            "spring.cloud.aws.region.static=eu-west-2",
            "spring.cloud.aws.endpoint=http://127.0.0.1:1",
            "spring.cloud.aws.credentials.access-key=cloud",
            "spring.cloud.aws.credentials.secret-key=secret")
        .run(
            context -> {
              AwsConnection connection = context.getBean(AwsConnection.class);
              assertThat(connection.region().id()).isEqualTo("eu-west-2");
              assertThat(connection.endpointOverride()).hasToString("http://127.0.0.1:1");
              assertThat(connection.credentialsProvider().resolveCredentials().accessKeyId())
                  .isEqualTo("cloud");
            });
  }
}
