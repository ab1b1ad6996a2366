package io.brighter.benchmarks.aws;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.aws.SnsMessageProducer;
import io.brighter.aws.SqsMessageConsumer;
import io.brighter.aws.SqsSubscription;
import io.brighter.benchmarks.Processors;
import io.brighter.benchmarks.aws.AwsBench.GreetingNoted;
import io.brighter.dynamodb.DynamoDbOutbox;
import io.brighter.dynamodb.DynamoDbUnitOfWork;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * (a) The outbox relay on AWS: {@code messages} events deposited in batches in a DynamoDB
 * transaction, then published to an SNS topic that fans them out to an SQS queue, and marked
 * dispatched. Brighter: {@code depositPost(batch, unitOfWork)}, commit, {@code clearOutbox(ids)}
 * through a {@link DynamoDbOutbox} and an {@link SnsMessageProducer}. Raw: the event written as
 * JSON with Jackson, a {@code TransactWriteItems} of the batch's items, a publish per item, and an
 * {@code UpdateItem} marking each dispatched. Both end when the queue holds every message.
 */
final class AwsRelayScenario {

  private final int batchSize;

  AwsRelayScenario(int batchSize) {
    this.batchSize = batchSize;
  }

  /** A topic named {@code name} with a queue subscribed to it (raw delivery); the queue's URL. */
  private static String topicWithQueue(String name) {
    try (SqsMessageConsumer consumer =
            new SqsMessageConsumer(
                AwsBench.AWS,
                SqsSubscription.DEFAULT,
                RoutingKey.of(name),
                name + "_queue",
                10,
                RoutingKey.of(name + "_dlq"),
                OnMissingChannel.CREATE);
        SqsClient sqs = AwsBench.AWS.sqsClient()) {
      String queue = consumer.queueName();
      return sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
    }
  }

  /** Messages per second through Brighter's outbox relay. */
  double brighter(int messages) {
    String topic = AwsBench.unique("bench_relay");
    String queueUrl = topicWithQueue(topic);
    try (DynamoDbClient dynamo = AwsBench.dynamo();
        SqsClient sqs = AwsBench.AWS.sqsClient();
        SnsMessageProducer producer =
            new SnsMessageProducer(
                AwsBench.AWS,
                Publication.builder()
                    .topic(RoutingKey.of(topic))
                    .requestType(GreetingNoted.class)
                    .makeChannels(OnMissingChannel.VALIDATE)
                    .build())) {
      DynamoDbOutbox outbox =
          DynamoDbOutbox.builder()
              .client(dynamo)
              .tableName(topic + "_outbox")
              .build()
              .createTableIfMissing();
      CommandProcessor commandProcessor = Processors.sending(producer, outbox);
      long start = System.nanoTime();
      for (int sent = 0; sent < messages; sent += batchSize) {
        List<GreetingNoted> batch = new ArrayList<>(batchSize);
        for (int n = 0; n < batchSize; n++) {
          batch.add(AwsBench.event(sent + n));
        }
        DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(dynamo);
        List<Id> ids = commandProcessor.depositPost(batch, unitOfWork);
        unitOfWork.commit();
        commandProcessor.clearOutbox(ids);
      }
      AwsBench.awaitDepth(sqs, queueUrl, messages);
      double rate = AwsBench.rate(messages, start);
      if (outbox.outstandingCount() != 0) {
        throw new IllegalStateException(outbox.outstandingCount() + " messages not dispatched");
      }
      return rate;
    }
  }

  /** Messages per second through the raw SDK loop doing the same work on a minimal table. */
  double raw(int messages) {
    String topic = AwsBench.unique("bench_relay_raw");
    String queueUrl = topicWithQueue(topic);
    String table = topic + "_outbox";
    try (DynamoDbClient dynamo = AwsBench.dynamo();
        SnsClient sns = AwsBench.AWS.snsClient();
        SqsClient sqs = AwsBench.AWS.sqsClient()) {
      dynamo.createTable(
          request ->
              request
                  .tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName("id")
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName("id")
                          .keyType(KeyType.HASH)
                          .build()));
      String topicArn = sns.createTopic(request -> request.name(topic)).topicArn();
      long start = System.nanoTime();
      for (int sent = 0; sent < messages; sent += batchSize) {
        List<GreetingNoted> batch = new ArrayList<>(batchSize);
        List<TransactWriteItem> puts = new ArrayList<>(batchSize);
        for (int n = 0; n < batchSize; n++) {
          GreetingNoted event = AwsBench.event(sent + n);
          batch.add(event);
          Map<String, AttributeValue> item =
              Map.of(
                  "id", AttributeValue.fromS(event.id().value()),
                  "topic", AttributeValue.fromS(topic),
                  "body", AttributeValue.fromS(AwsBench.json(event)),
                  "created", AttributeValue.fromN(Long.toString(System.currentTimeMillis())));
          puts.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build());
        }
        dynamo.transactWriteItems(request -> request.transactItems(puts));
        for (GreetingNoted event : batch) {
          sns.publish(
              request ->
                  request
                      .topicArn(topicArn)
                      .message(AwsBench.json(event))
                      .messageAttributes(
                          Map.of(
                              "id",
                              MessageAttributeValue.builder()
                                  .dataType("String")
                                  .stringValue(event.id().value())
                                  .build())));
          dynamo.updateItem(
              request ->
                  request
                      .tableName(table)
                      .key(Map.of("id", AttributeValue.fromS(event.id().value())))
                      .updateExpression("SET dispatched = :now")
                      .expressionAttributeValues(
                          Map.of(
                              ":now",
                              AttributeValue.fromN(Long.toString(System.currentTimeMillis())))));
        }
      }
      AwsBench.awaitDepth(sqs, queueUrl, messages);
      return AwsBench.rate(messages, start);
    }
  }
}
