package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.outbox.SweepSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two command processors, each on a thread of its own, sweep one DynamoDB outbox until it is empty:
 * the leases set by conditional updates must keep them from sending a message twice, and every
 * message must be sent.
 */
class DynamoDbOutboxTwoSweepersIT {

  record Ping(Id id, int number) implements Event {}

  private static final int MESSAGES = 500;
  private static final int BATCH = 25;
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final InMemoryBus bus = new InMemoryBus();
  private final RoutingKey topic = RoutingKey.of("ping." + UUID.randomUUID());
  private final DynamoDbOutbox outbox =
      DynamoDbOutbox.builder()
          .client(TestTables.CLIENT)
          .tableName("sweepers_" + UUID.randomUUID().toString().replace("-", ""))
          .build()
          .createTableIfMissing();

  @Test
  void two_sweepers_send_every_message_once() {
    // given
    List<Id> deposited =
        commandProcessor()
            .depositPost(
                IntStream.range(0, MESSAGES).mapToObj(n -> new Ping(Id.random(), n)).toList());
    Instant deadline = Instant.now().plus(DEADLINE);

    // when
    CompletableFuture<Integer> first = sweeping(commandProcessor(), deadline);
    CompletableFuture<Integer> second = sweeping(commandProcessor(), deadline);

    // then
    int sent = first.join() + second.join();
    Map<Id, Long> sends =
        bus.stream(topic).stream()
            .collect(Collectors.groupingBy(Message::id, Collectors.counting()));
    assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(deposited);
    assertThat(sends).as("sends per message").allSatisfy((id, count) -> assertThat(count).isOne());
    assertThat(sent).isEqualTo(MESSAGES);
    assertThat(first.join()).as("the first sweeper's share").isPositive();
    assertThat(second.join()).as("the second sweeper's share").isPositive();
  }

  private CompletableFuture<Integer> sweeping(CommandProcessor commandProcessor, Instant deadline) {
    return CompletableFuture.supplyAsync(
        () -> {
          int sent = 0;
          while (Instant.now().isBefore(deadline)) {
            int swept =
                commandProcessor
                    .outboxOperations()
                    .sweep(
                        SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO).withBatchSize(BATCH));
            sent += swept;
            if (swept == 0 && outbox.outstandingCount() == 0) {
              return sent;
            }
          }
          throw new AssertionError("messages still outstanding after " + DEADLINE);
        },
        runnable -> Thread.ofPlatform().start(runnable));
  }

  private CommandProcessor commandProcessor() {
    return BusProcessors.over(outbox, List.of(BusProcessors.producer(bus, topic, Ping.class)));
  }
}
