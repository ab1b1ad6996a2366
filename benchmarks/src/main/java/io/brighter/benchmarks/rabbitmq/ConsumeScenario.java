package io.brighter.benchmarks.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.brighter.CommandProcessor;
import io.brighter.RequestContext;
import io.brighter.benchmarks.Processors;
import io.brighter.benchmarks.rabbitmq.Infrastructure.GreetingNoted;
import io.brighter.handlers.RequestHandler;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.rabbitmq.RmqChannelFactory;
import io.brighter.rabbitmq.RmqMessageProducer;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * (c) Consuming: a queue filled with {@code messages} events beforehand is drained by consumers
 * with a prefetch of {@value #PREFETCH}, each message acknowledged after a no-op handler. Brighter:
 * a {@link Dispatcher} with one Reactor pump of buffer size {@value #PREFETCH}, which maps each
 * message to the event (JSON) and sends it through the command processor. Raw: an amqp-client
 * consumer with {@code basicQos(10)} that reads each delivery's JSON into a record with Jackson and
 * acks it in {@code handleDelivery}. Timed from the start of consuming to the last acknowledgement.
 */
final class ConsumeScenario {

  static final int PREFETCH = 10;

  /** The harness process's CPU time per message in the last run, in microseconds. */
  double lastCpuMicrosPerMessage;

  private static final String TOPIC = "bench.consume";
  private static final String QUEUE = "bench.consume";

  /** The raw side's last event, kept so that reading its JSON is not optimised away. */
  static volatile Infrastructure.@Nullable RawGreeting lastRaw;

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
  double brighter(int messages) throws Exception {
    fill(messages);
    NoOpHandler.handled = new CountDownLatch(messages);
    CommandProcessor commandProcessor = Processors.handling(GreetingNoted.class, NoOpHandler.class);
    Subscription subscription =
        Subscription.builder()
            .name(QUEUE)
            .channelName(QUEUE)
            .routingKey(RoutingKey.of(TOPIC))
            .requestType(GreetingNoted.class)
            .bufferSize(PREFETCH)
            .timeout(Duration.ofMillis(100))
            .emptyChannelDelay(Duration.ofMillis(1))
            .channelFactory(new RmqChannelFactory(Infrastructure.rabbit()))
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(commandProcessor)
            .mappers(new MessageMapperRegistry())
            .subscriptions(List.of(subscription))
            .build();
    long start = System.nanoTime();
    long cpu = cpuNanos();
    dispatcher.start();
    try {
      await(NoOpHandler.handled);
      double rate = RelayScenario.rate(messages, start);
      lastCpuMicrosPerMessage = (cpuNanos() - cpu) / 1_000.0 / messages;
      return rate;
    } finally {
      dispatcher.stop();
    }
  }

  /** Messages per second through a raw amqp-client consumer. */
  double raw(int messages) throws Exception {
    fill(messages);
    CountDownLatch acked = new CountDownLatch(messages);
    try (Connection connection = Infrastructure.rawConnection();
        Channel channel = connection.createChannel()) {
      channel.basicQos(PREFETCH);
      long start = System.nanoTime();
      long cpu = cpuNanos();
      channel.basicConsume(
          QUEUE,
          false,
          new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(
                String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
              lastRaw = Infrastructure.read(body);
              getChannel().basicAck(envelope.getDeliveryTag(), false);
              acked.countDown();
            }
          });
      await(acked);
      double rate = RelayScenario.rate(messages, start);
      lastCpuMicrosPerMessage = (cpuNanos() - cpu) / 1_000.0 / messages;
      return rate;
    }
  }

  /** Empties the queue and puts {@code messages} Brighter-format events on it, all confirmed. */
  private static void fill(int messages) throws Exception {
    Infrastructure.freshQueue(TOPIC, QUEUE);
    Publication publication =
        Publication.builder().topic(RoutingKey.of(TOPIC)).requestType(GreetingNoted.class).build();
    MessagePipeline pipeline = new MessagePipeline(new MessageMapperRegistry());
    CountDownLatch confirmed = new CountDownLatch(messages);
    try (RmqMessageProducer producer =
        new RmqMessageProducer(Infrastructure.rabbit(), publication)) {
      producer.onConfirmation(confirmation -> confirmed.countDown());
      for (int n = 0; n < messages; n++) {
        producer.send(pipeline.wrap(Infrastructure.event(n), publication, new RequestContext()));
      }
      await(confirmed);
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(latch.getCount() + " messages still missing");
    }
  }
}
