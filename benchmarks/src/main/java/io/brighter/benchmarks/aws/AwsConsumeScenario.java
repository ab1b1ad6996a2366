package io.brighter.benchmarks.aws;

import io.brighter.CommandProcessor;
import io.brighter.RequestContext;
import io.brighter.aws.SqsChannelFactory;
import io.brighter.aws.SqsChannelType;
import io.brighter.aws.SqsMessageProducer;
import io.brighter.aws.SqsSubscription;
import io.brighter.benchmarks.Processors;
import io.brighter.benchmarks.aws.AwsBench.GreetingNoted;
import io.brighter.handlers.RequestHandler;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * (c) Consuming from SQS: a queue filled with {@code messages} events beforehand is drained ten at
 * a time, each message deleted after a no-op handler. Brighter: a {@link Dispatcher} with one
 * Reactor pump of buffer size 10, which maps each message to the event (JSON) and sends it through
 * the command processor, then deletes it. Raw: a {@code ReceiveMessage} loop (ten, long polling)
 * that reads each body's JSON into a record with Jackson and deletes it, one {@code DeleteMessage}
 * each as the pump does, or with one {@code DeleteMessageBatch} per receive. Timed from the start
 * of consuming to the last delete.
 */
final class AwsConsumeScenario {

  static final int BUFFER = 10;

  /** The raw side's last event, kept so that reading its JSON is not optimised away. */
  static volatile AwsBench.@Nullable RawGreeting lastRaw;

  /** Counts handled events down. */
  public static final class NoOpHandler extends RequestHandler<GreetingNoted> {
    static volatile CountDownLatch handled = new CountDownLatch(0);

    @Override
    public GreetingNoted handle(GreetingNoted event) {
      handled.countDown();
      return super.handle(event);
    }
  }

  /** Messages per second through a Brighter pump. */
  double brighter(int messages) throws InterruptedException {
    String queue = fill(messages);
    NoOpHandler.handled = new CountDownLatch(messages);
    CommandProcessor commandProcessor = Processors.handling(GreetingNoted.class, NoOpHandler.class);
    Subscription subscription =
        Subscription.builder()
            .name(queue)
            .channelName(queue)
            .routingKey(RoutingKey.of(queue))
            .requestType(GreetingNoted.class)
            .bufferSize(BUFFER)
            .timeout(Duration.ofSeconds(1))
            .emptyChannelDelay(Duration.ofMillis(1))
            .channelFactory(
                new SqsChannelFactory(
                    AwsBench.AWS,
                    SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT)))
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(commandProcessor)
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(subscription))
            .build();
    long start = System.nanoTime();
    dispatcher.start();
    try {
      await(NoOpHandler.handled);
      return AwsBench.rate(messages, start);
    } finally {
      dispatcher.stop();
    }
  }

  /** Messages per second through a raw SDK loop deleting each message alone. */
  double raw(int messages) {
    return raw(messages, false);
  }

  /** Messages per second through a raw SDK loop deleting each receive's messages in one batch. */
  double rawBatchDelete(int messages) {
    return raw(messages, true);
  }

  private double raw(int messages, boolean batchDelete) {
    String queue = fill(messages);
    try (SqsClient sqs = AwsBench.AWS.sqsClient()) {
      String url = sqs.getQueueUrl(request -> request.queueName(queue)).queueUrl();
      long start = System.nanoTime();
      long deadline = start + TimeUnit.MINUTES.toNanos(5);
      int deleted = 0;
      while (deleted < messages) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException((messages - deleted) + " messages still missing");
        }
        List<Message> received =
            sqs.receiveMessage(
                    request ->
                        request
                            .queueUrl(url)
                            .maxNumberOfMessages(BUFFER)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                .messages();
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(received.size());
        for (Message message : received) {
          lastRaw = AwsBench.read(message.body());
          if (batchDelete) {
            entries.add(
                DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(entries.size()))
                    .receiptHandle(message.receiptHandle())
                    .build());
          } else {
            sqs.deleteMessage(
                request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
          }
        }
        if (!entries.isEmpty()) {
          sqs.deleteMessageBatch(request -> request.queueUrl(url).entries(entries));
        }
        deleted += received.size();
      }
      return AwsBench.rate(messages, start);
    }
  }

  /** A new queue holding {@code messages} Brighter-format events; its name. */
  private static String fill(int messages) {
    String queue = AwsBench.unique("bench_consume");
    Publication publication =
        Publication.builder().topic(RoutingKey.of(queue)).requestType(GreetingNoted.class).build();
    MessagePipeline pipeline = new MessagePipeline(new MessageMapperRegistry());
    try (SqsMessageProducer producer = new SqsMessageProducer(AwsBench.AWS, publication);
        SqsClient sqs = AwsBench.AWS.sqsClient()) {
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      for (int n = 0; n < messages; n++) {
        sends.add(
            producer.sendAsync(
                pipeline.wrap(AwsBench.event(n), publication, new RequestContext())));
        if (sends.size() == 100) {
          CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
          sends.clear();
        }
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
      AwsBench.awaitDepth(
          sqs,
          sqs.getQueueUrl(request -> request.queueName(producer.queueName())).queueUrl(),
          messages);
      return producer.queueName();
    }
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(latch.getCount() + " messages still missing");
    }
  }
}
