package io.brighter.benchmarks.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.aws.AwsConnection;
import io.brighter.aws.local.LocalAws;
import io.brighter.aws.local.LocalDynamoDb;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local AWS endpoints the harness runs against, all started in (or by) its JVM once: SNS and
 * SQS at {@link LocalAws#endpoint()} (ElasticMQ and the project's SNS front, in the JVM) and
 * DynamoDB at {@link LocalDynamoDb#endpoint()} (dynalite, a node process); the event both sides
 * send (a 1 KiB JSON body), and names unique to each run.
 */
final class AwsBench {

  /** A 960-character note, so that the event's JSON body is about 1 KiB. */
  static final String NOTE = "x".repeat(960);

  /** The event of every scenario. */
  public record GreetingNoted(Id id, String name, String note) implements Event {}

  /** The event as the raw side's own JSON type: the id as text. */
  record RawGreeting(String id, String name, String note) {}

  /** The raw side's JSON mapper. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Brighter's connection to the local SNS and SQS endpoint. */
  static final AwsConnection AWS =
      AwsConnection.builder()
          .region(LocalAws.REGION)
          .credentialsProvider(LocalAws.credentials())
          .endpointOverride(LocalAws.endpoint())
          .build();

  private static final AtomicInteger RUNS = new AtomicInteger();

  private AwsBench() {}

  /** A DynamoDB client of the local endpoint; the caller closes it. */
  static DynamoDbClient dynamo() {
    return LocalDynamoDb.client();
  }

  /** {@code prefix} made unique to this run of a scenario: topics, queues and tables. */
  static String unique(String prefix) {
    return prefix + "_" + ProcessHandle.current().pid() + "_" + RUNS.incrementAndGet();
  }

  static GreetingNoted event(int n) {
    return new GreetingNoted(Id.random(), "greeting " + n, NOTE);
  }

  /** The event's JSON as the raw side writes it: with Jackson, as Brighter's default mapper. */
  static String json(GreetingNoted event) {
    try {
      return MAPPER.writeValueAsString(
          new RawGreeting(event.id().value(), event.name(), event.note()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The event read back from {@code json}, as the raw side's handler gets it. */
  static RawGreeting read(String json) {
    try {
      return MAPPER.readValue(json, RawGreeting.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Messages per second for {@code messages} since {@code startNanos}. */
  static double rate(int messages, long startNanos) {
    return messages / ((System.nanoTime() - startNanos) / 1e9);
  }

  /**
   * Waits until the queue at {@code url} holds {@code expected} visible messages, so a scenario
   * ends only when every message is where it should be.
   *
   * @throws IllegalStateException after a minute with another count
   */
  static void awaitDepth(SqsClient sqs, String url, int expected) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    int depth = -1;
    while (System.nanoTime() < deadline) {
      depth =
          Integer.parseInt(
              sqs.getQueueAttributes(
                      request ->
                          request
                              .queueUrl(url)
                              .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                  .attributes()
                  .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
      if (depth == expected) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("queue " + url + " holds " + depth + ", not " + expected);
  }
}
