package io.brighter.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The local SQS endpoint keeps SQS's own limits, which the transport relies on being told of. */
class LocalSqsIT {

  @Test
  void a_message_goes_through_with_its_attributes() {
    try (SqsClient client = LocalSqs.shared().client()) {
      // given
      String url = client.createQueue(request -> request.queueName("local-sqs-self")).queueUrl();

      // when
      client.sendMessage(
          request ->
              request
                  .queueUrl(url)
                  .messageBody("hello")
                  .messageAttributes(
                      Map.of(
                          "id",
                          MessageAttributeValue.builder()
                              .dataType("String")
                              .stringValue("m-1")
                              .build())));

      // then
      var received =
          client
              .receiveMessage(
                  request -> request.queueUrl(url).waitTimeSeconds(1).messageAttributeNames("All"))
              .messages();
      assertThat(received)
          .singleElement()
          .satisfies(
              message -> {
                assertThat(message.body()).isEqualTo("hello");
                assertThat(message.messageAttributes().get("id").stringValue()).isEqualTo("m-1");
              });
    }
  }

  @Test
  void more_than_ten_attributes_are_refused_as_on_sqs() {
    try (SqsClient client = LocalSqs.shared().client()) {
      // given
      String url = client.createQueue(request -> request.queueName("local-sqs-limits")).queueUrl();
      Map<String, MessageAttributeValue> eleven = new java.util.HashMap<>();
      for (int i = 0; i < 11; i++) {
        eleven.put(
            "a" + i, MessageAttributeValue.builder().dataType("String").stringValue("v").build());
      }

      // when / then
      assertThatThrownBy(
              () ->
                  client.sendMessage(
                      request -> request.queueUrl(url).messageBody("x").messageAttributes(eleven)))
          .isInstanceOf(SqsException.class);
    }
  }
}
