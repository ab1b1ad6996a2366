package io.brighter.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local SNS front, pinned to SNS's documented behaviour through the unmodified AWS SDK: topics
 * made once by name, raw delivery and the notification envelope, FIFO order and deduplication,
 * exact-match filter policies, batches, and SNS's errors.
 */
class LocalSnsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SnsClient SNS = LocalSns.shared().client();
  private static final SqsClient SQS = LocalSqs.shared().client();

  @AfterAll
  static void closeClients() {
    SNS.close();
    SQS.close();
  }

  @Test
  void a_topic_is_made_once_by_name_and_listed() {
    // when
    String first = SNS.createTopic(request -> request.name("self-" + suffix())).topicArn();
    String name = first.substring(first.lastIndexOf(':') + 1);
    String again = SNS.createTopic(request -> request.name(name)).topicArn();

    // then
    assertThat(again).isEqualTo(first);
    assertThat(first).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name);
    assertThat(SNS.listTopics().topics())
        .anySatisfy(topic -> assertThat(topic.topicArn()).isEqualTo(first));
    assertThat(SNS.getTopicAttributes(request -> request.topicArn(first)).attributes())
        .containsEntry("TopicArn", first);
  }

  @Test
  void raw_delivery_puts_the_message_and_its_attributes_on_the_queue_as_they_were() {
    // given
    String topic = SNS.createTopic(request -> request.name("raw-" + suffix())).topicArn();
    String queue = queue("raw-" + suffix(), false);
    subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));

    // when
    SNS.publish(
        request ->
            request
                .topicArn(topic)
                .message("{\"name\":\"Ada\"}")
                .messageAttributes(Map.of("id", text("m-1"), "count", number("3"))));

    // then
    Message received = receiveOne(queue);
    assertThat(received.body()).isEqualTo("{\"name\":\"Ada\"}");
    assertThat(received.messageAttributes().get("id").stringValue()).isEqualTo("m-1");
    assertThat(received.messageAttributes().get("count").dataType()).isEqualTo("Number");
  }

  @Test
  void without_raw_delivery_the_queue_gets_the_notification_envelope() throws Exception {
    // given
    String topic = SNS.createTopic(request -> request.name("env-" + suffix())).topicArn();
    String queue = queue("env-" + suffix(), false);
    subscribe(topic, queue, Map.of());

    // when
    String id =
        SNS.publish(
                request ->
                    request
                        .topicArn(topic)
                        .subject("hello")
                        .message("body text")
                        .messageAttributes(Map.of("id", text("m-2"))))
            .messageId();

    // then
    JsonNode envelope = JSON.readTree(receiveOne(queue).body());
    assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
    assertThat(envelope.get("MessageId").asText()).isEqualTo(id);
    assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
    assertThat(envelope.get("Subject").asText()).isEqualTo("hello");
    assertThat(envelope.get("Message").asText()).isEqualTo("body text");
    assertThat(envelope.at("/MessageAttributes/id/Type").asText()).isEqualTo("String");
    assertThat(envelope.at("/MessageAttributes/id/Value").asText()).isEqualTo("m-2");
  }

  @Test
  void a_fifo_topic_keeps_the_order_of_a_group_and_drops_a_duplicate_within_the_window() {
    // given
    String topic =
        SNS.createTopic(
                request ->
                    request
                        .name("fifo-" + suffix() + ".fifo")
                        .attributes(Map.of("FifoTopic", "true")))
            .topicArn();
    String queue = queue("fifo-" + suffix() + ".fifo", true);
    subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));

    // when
    for (int n = 0; n < 5; n++) {
      String body = "m" + n;
      SNS.publish(
          request ->
              request
                  .topicArn(topic)
                  .message(body)
                  .messageGroupId("order-7")
                  .messageDeduplicationId(body));
    }
    SNS.publish(
        request ->
            request
                .topicArn(topic)
                .message("m0")
                .messageGroupId("order-7")
                .messageDeduplicationId("m0"));

    // then
    List<String> bodies = new java.util.ArrayList<>();
    for (int round = 0; round < 10 && bodies.size() < 6; round++) {
      for (Message message :
          SQS.receiveMessage(
                  request -> request.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages()) {
        bodies.add(message.body());
        SQS.deleteMessage(
            request -> request.queueUrl(queue).receiptHandle(message.receiptHandle()));
      }
    }
    assertThat(bodies).containsExactly("m0", "m1", "m2", "m3", "m4");
  }

  @Test
  void a_fifo_topic_refuses_a_message_without_a_group() {
    String topic =
        SNS.createTopic(
                request ->
                    request
                        .name("nogroup-" + suffix() + ".fifo")
                        .attributes(Map.of("FifoTopic", "true")))
            .topicArn();
    assertThatThrownBy(() -> SNS.publish(request -> request.topicArn(topic).message("x")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("MessageGroupId");
  }

  @Test
  void a_filter_policy_lets_through_only_the_messages_that_match_exactly() {
    // given
    String topic = SNS.createTopic(request -> request.name("filter-" + suffix())).topicArn();
    String queue = queue("filter-" + suffix(), false);
    subscribe(
        topic,
        queue,
        Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"colour\":[\"red\",\"blue\"]}"));

    // when
    SNS.publish(
        request ->
            request
                .topicArn(topic)
                .message("green")
                .messageAttributes(Map.of("colour", text("green"))));
    SNS.publish(request -> request.topicArn(topic).message("none"));
    SNS.publish(
        request ->
            request
                .topicArn(topic)
                .message("blue")
                .messageAttributes(Map.of("colour", text("blue"))));

    // then
    assertThat(receiveOne(queue).body()).isEqualTo("blue");
    assertThat(SQS.receiveMessage(request -> request.queueUrl(queue).waitTimeSeconds(1)).messages())
        .isEmpty();
  }

  @Test
  void a_filter_policy_it_cannot_apply_is_refused_not_ignored() {
    String topic = SNS.createTopic(request -> request.name("prefix-" + suffix())).topicArn();
    String queue = queue("prefix-" + suffix(), false);
    assertThatThrownBy(
            () ->
                subscribe(
                    topic, queue, Map.of("FilterPolicy", "{\"colour\":[{\"prefix\":\"re\"}]}")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void a_batch_publishes_each_entry() {
    // given
    String topic = SNS.createTopic(request -> request.name("batch-" + suffix())).topicArn();
    String queue = queue("batch-" + suffix(), false);
    subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));

    // when
    PublishBatchResponse response =
        SNS.publishBatch(
            request ->
                request
                    .topicArn(topic)
                    .publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder().id("a").message("one").build(),
                        PublishBatchRequestEntry.builder().id("b").message("two").build()));

    // then
    assertThat(response.successful()).extracting(entry -> entry.id()).containsExactly("a", "b");
    assertThat(response.failed()).isEmpty();
    List<String> bodies = new java.util.ArrayList<>();
    for (int round = 0; round < 5 && bodies.size() < 2; round++) {
      SQS.receiveMessage(
              request -> request.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages()
          .forEach(message -> bodies.add(message.body()));
    }
    assertThat(bodies).containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void an_unknown_topic_is_not_found() {
    assertThatThrownBy(
            () ->
                SNS.publish(
                    request ->
                        request
                            .topicArn("arn:aws:sns:us-east-1:000000000000:nowhere")
                            .message("x")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                SNS.getTopicAttributes(
                    request -> request.topicArn("arn:aws:sns:us-east-1:000000000000:nowhere")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_subscription_is_listed_and_its_raw_delivery_can_be_read_back() {
    // given
    String topic = SNS.createTopic(request -> request.name("list-" + suffix())).topicArn();
    String queue = queue("list-" + suffix(), false);
    String subscription = subscribe(topic, queue, Map.of("RawMessageDelivery", "true"));

    // then
    assertThat(SNS.listSubscriptionsByTopic(request -> request.topicArn(topic)).subscriptions())
        .singleElement()
        .satisfies(
            found -> {
              assertThat(found.subscriptionArn()).isEqualTo(subscription);
              assertThat(found.protocol()).isEqualTo("sqs");
              assertThat(found.endpoint()).isEqualTo(arnOf(queue));
            });
    assertThat(
            SNS.getSubscriptionAttributes(request -> request.subscriptionArn(subscription))
                .attributes())
        .containsEntry("RawMessageDelivery", "true");
  }

  private static String subscribe(String topic, String queueUrl, Map<String, String> attributes) {
    return SNS.subscribe(
            request ->
                request
                    .topicArn(topic)
                    .protocol("sqs")
                    .endpoint(arnOf(queueUrl))
                    .attributes(attributes)
                    .returnSubscriptionArn(true))
        .subscriptionArn();
  }

  private static String queue(String name, boolean fifo) {
    return SQS.createQueue(
            request ->
                request
                    .queueName(name)
                    .attributes(fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of()))
        .queueUrl();
  }

  private static String arnOf(String queueUrl) {
    return SQS.getQueueAttributes(
            request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private static Message receiveOne(String queueUrl) {
    for (int round = 0; round < 5; round++) {
      List<Message> messages =
          SQS.receiveMessage(
                  request ->
                      request.queueUrl(queueUrl).waitTimeSeconds(1).messageAttributeNames("All"))
              .messages();
      if (!messages.isEmpty()) {
        SQS.deleteMessage(
            request ->
                request.queueUrl(queueUrl).receiptHandle(messages.getFirst().receiptHandle()));
        return messages.getFirst();
      }
    }
    throw new AssertionError("nothing arrived on " + queueUrl);
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static MessageAttributeValue number(String value) {
    return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
