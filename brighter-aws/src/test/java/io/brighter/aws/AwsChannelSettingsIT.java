package io.brighter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.aws.local.LocalAws;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The settings of the AWS transport beyond the contract, on the local endpoint: the asynchronous
 * producers, a queue given by URL and a topic by ARN, a subscription filter policy, and SQS's own
 * redrive policy.
 */
class AwsChannelSettingsIT {

  private static final AwsConnection AWS = LocalAwsConnection.AWS;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Message message(String topic, MessageType type) {
    return new Message(
        MessageHeader.builder(Id.random(), RoutingKey.of(topic), type).build(),
        MessageBody.json("{\"n\":1}"));
  }

  private static Publication publication(String topic, OnMissingChannel makeChannels) {
    return Publication.builder().topic(RoutingKey.of(topic)).makeChannels(makeChannels).build();
  }

  private static SqsMessageConsumer consumer(
      SqsSubscription options, String topic, String channel) {
    return new SqsMessageConsumer(
        AWS,
        options,
        RoutingKey.of(topic),
        channel,
        10,
        RoutingKey.of(channel + "-dlq"),
        OnMissingChannel.CREATE);
  }

  /** Receives until {@code count} messages came or ten seconds passed; acknowledges each. */
  private static List<Message> receive(SqsMessageConsumer consumer, int count) {
    List<Message> received = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.size() < count && System.nanoTime() < deadline) {
      for (Message message : consumer.receive(Duration.ofSeconds(1))) {
        received.add(message);
        consumer.acknowledge(message);
      }
    }
    return received;
  }

  @Test
  void theAsynchronousProducersCompleteWhenTheServiceHasTheMessage() {
    String topic = unique("async");
    try (SqsMessageConsumer subscriber = consumer(SqsSubscription.DEFAULT, topic, topic + "-sub");
        SqsMessageConsumer direct =
            consumer(
                SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT),
                topic + "-direct",
                "unused");
        SnsMessageProducer sns =
            new SnsMessageProducer(AWS, publication(topic, OnMissingChannel.VALIDATE));
        SqsMessageProducer sqs =
            new SqsMessageProducer(
                AWS, publication(topic + "-direct", OnMissingChannel.VALIDATE))) {
      Message published = message(topic, MessageType.EVENT);
      Message sent = message(topic + "-direct", MessageType.COMMAND);

      sns.sendAsync(published).join();
      sqs.sendWithDelayAsync(sent, Duration.ofSeconds(1)).join();

      assertThat(receive(subscriber, 1)).extracting(Message::id).containsExactly(published.id());
      assertThat(receive(direct, 1)).extracting(Message::id).containsExactly(sent.id());
      assertThatThrownBy(() -> sns.sendWithDelayAsync(published, Duration.ofSeconds(1)).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(ConfigurationException.class)
          .hasMessageContaining("give SnsMessageProducer a MessageScheduler");
    }
  }

  @Test
  void aQueueGivenByUrlIsUsedAsItIsWhateverTheTopicIsCalled() {
    String queue = unique("by-url");
    String url;
    try (SqsClient raw = AWS.sqsClient()) {
      url = raw.createQueue(request -> request.queueName(queue)).queueUrl();
    }
    SqsSubscription byUrl =
        SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT).withQueueUrl(url);
    try (SqsMessageProducer producer =
            new SqsMessageProducer(
                AWS,
                publication("some.other.name", OnMissingChannel.VALIDATE),
                SqsPublication.DEFAULT.withQueueUrl(url),
                null);
        SqsMessageConsumer consumer = consumer(byUrl, "yet.another.name", "unused")) {
      Message sent = message("some.other.name", MessageType.COMMAND);
      producer.send(sent);

      assertThat(producer.queueName()).isEqualTo(queue);
      assertThat(receive(consumer, 1)).extracting(Message::id).containsExactly(sent.id());
    }
    assertThatThrownBy(
            () ->
                new SqsMessageProducer(
                    AWS,
                    publication("missing", OnMissingChannel.VALIDATE),
                    SqsPublication.DEFAULT.withQueueUrl(url + "-missing"),
                    null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(url + "-missing");
  }

  @Test
  void aTopicGivenByArnIsUsedAsItIsWhateverTheRoutingKeyIs() {
    String arn;
    try (SnsClient raw = AWS.snsClient()) {
      arn = raw.createTopic(request -> request.name(unique("by-arn"))).topicArn();
    }
    String channel = unique("by-arn-sub");
    try (SqsMessageConsumer consumer =
            consumer(SqsSubscription.DEFAULT.withTopicArn(arn), "not.the.topic", channel);
        SnsMessageProducer producer =
            new SnsMessageProducer(
                AWS,
                publication("also.not.the.topic", OnMissingChannel.VALIDATE),
                SnsPublication.DEFAULT.withTopicArn(arn),
                null)) {
      Message sent = message("also.not.the.topic", MessageType.EVENT);
      producer.send(sent);

      assertThat(producer.topicArn()).isEqualTo(arn);
      assertThat(receive(consumer, 1)).extracting(Message::id).containsExactly(sent.id());
    }
    assertThatThrownBy(
            () ->
                new SnsMessageProducer(
                    AWS,
                    publication("missing", OnMissingChannel.VALIDATE),
                    SnsPublication.DEFAULT.withTopicArn(arn + "-missing"),
                    null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(arn + "-missing");
  }

  @Test
  void aFilterPolicyLetsOnlyTheMessagesItMatchesReachTheQueue() {
    String topic = unique("filtered");
    SqsSubscription eventsOnly =
        SqsSubscription.DEFAULT.withFilterPolicy("{\"message-type\": [\"MT_EVENT\"]}");
    try (SqsMessageConsumer consumer = consumer(eventsOnly, topic, topic + "-events");
        SnsMessageProducer producer =
            new SnsMessageProducer(AWS, publication(topic, OnMissingChannel.VALIDATE))) {
      Message command = message(topic, MessageType.COMMAND);
      Message event = message(topic, MessageType.EVENT);
      producer.send(command);
      producer.send(event);

      assertThat(receive(consumer, 2)).extracting(Message::id).containsExactly(event.id());
    }
  }

  @Test
  void aFilterPolicyThatIsNotAJsonObjectIsRefusedWhenTheSubscriptionIsMade() {
    assertThatThrownBy(() -> SqsSubscription.DEFAULT.withFilterPolicy("[\"MT_EVENT\"]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("filterPolicy");
  }

  @Test
  void theRedrivePolicyLetsSqsMoveAMessageReceivedTooOftenToTheDeadLetterQueue() {
    String queue = unique("redriven");
    SqsSubscription options =
        SqsSubscription.DEFAULT
            .withChannelType(SqsChannelType.POINT_TO_POINT)
            .withRedrivePolicy(new SqsRedrivePolicy(2, null));
    try (SqsMessageConsumer consumer = consumer(options, queue, queue);
        SqsMessageConsumer deadLetters =
            consumer(
                SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT),
                queue + "-dlq",
                "unused");
        SqsMessageProducer producer =
            new SqsMessageProducer(AWS, publication(queue, OnMissingChannel.VALIDATE))) {
      Message sent = message(queue, MessageType.COMMAND);
      producer.send(sent);

      int receives = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (receives < 2 && System.nanoTime() < deadline) {
        for (Message message : consumer.receive(Duration.ofSeconds(1))) {
          receives++;
          consumer.nack(message); // as a crashed handler would leave it: back, unsettled
        }
      }

      assertThat(receives).isEqualTo(2);
      assertThat(consumer.receive(Duration.ofSeconds(1))).isEmpty();
      assertThat(receive(deadLetters, 1)).extracting(Message::id).containsExactly(sent.id());
    }
  }

  /** The operations an SDK client made, by name, in order. */
  private static final class Operations implements ExecutionInterceptor {
    final List<String> names = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      names.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  @Test
  void theMessagesOfAReceiveAreDeletedInOneRequestBeforeTheNextReceive() {
    String queue = unique("batched");
    Operations operations = new Operations();
    AwsConnection counted =
        AwsConnection.builder()
            .region(AWS.region())
            .credentialsProvider(AWS.credentialsProvider())
            .endpointOverride(AWS.endpointOverride())
            .clientOverrides(overrides -> overrides.addExecutionInterceptor(operations))
            .build();
    SqsSubscription pointToPoint =
        SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT);
    try (SqsMessageProducer producer =
            new SqsMessageProducer(AWS, publication(queue, OnMissingChannel.CREATE));
        SqsMessageConsumer consumer =
            new SqsMessageConsumer(
                counted,
                pointToPoint,
                RoutingKey.of(queue),
                queue,
                10,
                RoutingKey.of(queue + "-dlq"),
                OnMissingChannel.CREATE)) {
      for (int n = 0; n < 10; n++) {
        producer.send(message(queue, MessageType.COMMAND));
      }
      List<Message> received = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (received.size() < 10 && System.nanoTime() < deadline) {
        received.addAll(consumer.receive(Duration.ofSeconds(1)));
      }
      assertThat(received).hasSize(10);
      operations.names.clear();

      received.forEach(consumer::acknowledge);
      assertThat(consumer.receive(Duration.ofSeconds(1))).isEmpty();

      assertThat(operations.names).containsExactly("DeleteMessageBatch", "ReceiveMessage");
    }
    try (SqsMessageConsumer again = consumer(pointToPoint, queue, "unused")) {
      assertThat(again.receive(Duration.ofSeconds(1))).as("deleted").isEmpty();
    }
  }

  @Test
  void anAcknowledgementWaitsNoLongerThanHalfTheVisibilityTimeout() throws InterruptedException {
    String queue = unique("half-visibility");
    SqsSubscription twoSeconds =
        SqsSubscription.DEFAULT
            .withChannelType(SqsChannelType.POINT_TO_POINT)
            .withVisibilityTimeout(Duration.ofSeconds(2));
    try (SqsMessageProducer producer =
            new SqsMessageProducer(AWS, publication(queue, OnMissingChannel.CREATE));
        SqsMessageConsumer consumer = consumer(twoSeconds, queue, "unused")) {
      producer.send(message(queue, MessageType.COMMAND));
      List<Message> received = consumer.receive(Duration.ofSeconds(2));
      assertThat(received).hasSize(1);

      Thread.sleep(1_100); // a handler that took more than half the visibility timeout
      consumer.acknowledge(received.get(0));
      Thread.sleep(2_000); // past the visibility timeout: an undeleted message would be back

      try (SqsMessageConsumer other = consumer(twoSeconds, queue, "unused")) {
        assertThat(other.receive(Duration.ofSeconds(1))).as("deleted at once").isEmpty();
      }
    }
  }

  @Test
  void aKnownAccountFindsATopicByConventionWithoutListingTopics() {
    String name = unique("by-convention");
    try (SnsClient raw = AWS.snsClient()) {
      raw.createTopic(request -> request.name(name));
    }
    Operations operations = new Operations();
    AwsConnection withAccount =
        AwsConnection.builder()
            .region(AWS.region())
            .credentialsProvider(AWS.credentialsProvider())
            .endpointOverride(AWS.endpointOverride())
            .accountId(LocalAws.ACCOUNT_ID)
            .clientOverrides(overrides -> overrides.addExecutionInterceptor(operations))
            .build();

    try (SnsMessageProducer producer =
        new SnsMessageProducer(withAccount, publication(name, OnMissingChannel.VALIDATE))) {
      assertThat(producer.topicArn()).isEqualTo(withAccount.conventionalTopicArn(name));
      assertThat(operations.names).containsExactly("GetTopicAttributes");
    }
    assertThatThrownBy(
            () ->
                new SnsMessageProducer(
                    withAccount, publication(name + "-missing", OnMissingChannel.VALIDATE)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(name + "-missing");
  }
}
