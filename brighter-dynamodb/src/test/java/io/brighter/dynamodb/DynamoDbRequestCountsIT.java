package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.aws.local.LocalDynamoDb;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.outbox.OutboxSweeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How many DynamoDB requests each outbox operation makes, counted by an SDK {@link
 * software.amazon.awssdk.core.interceptor.ExecutionInterceptor} ({@link RequestCounter}) on the
 * client; the numbers in docs/benchmarks.md ("DynamoDB outbox: requests per operation") come from
 * the lines this test prints. Against dynalite only such functional numbers mean anything.
 */
class DynamoDbRequestCountsIT {

  record GreetingMade(Id id, String greeting) implements Event {}

  private static final int SHARDS = 3;
  private static final int CLEARED = 10;
  private static final int BATCH = 10;

  private final RequestCounter counter = new RequestCounter();
  private final DynamoDbClient client = LocalDynamoDb.client(List.of(counter));
  private final DynamoDbOutbox outbox =
      DynamoDbOutbox.builder()
          .client(client)
          .tableName("counts_" + UUID.randomUUID().toString().replace("-", ""))
          .numberOfShards(SHARDS)
          .build()
          .createTableIfMissing();
  private final RoutingKey topic = RoutingKey.of("greeting.made");
  private final InMemoryBus bus = new InMemoryBus();
  private final CommandProcessor commandProcessor =
      BusProcessors.over(outbox, List.of(BusProcessors.producer(bus, topic, GreetingMade.class)));

  @Test
  void a_deposit_inside_a_transaction_makes_no_call_and_the_commit_one() {
    // given
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(client);
    counter.reset();

    // when
    commandProcessor.depositPost(new GreetingMade(Id.random(), "hello"), unitOfWork);
    long duringDeposit = counter.requests().values().stream().mapToLong(Long::longValue).sum();
    unitOfWork.commit();

    // then
    report("deposit inside a transaction", duringDeposit + " requests");
    report("commit of that transaction", counter.requests().toString());
    assertThat(duringDeposit).isZero();
    assertThat(counter.requests()).containsOnlyKeys("TransactWriteItems");
  }

  @Test
  void clearing_n_messages_reads_none_back_and_marks_each() {
    // given
    List<Id> ids = depositInOneTransaction(commandProcessor);
    counter.reset();

    // when
    commandProcessor.clearOutbox(ids);

    // then
    report("clear of " + CLEARED, counter.requests() + ", " + bus.stream(topic).size() + " sends");
    assertThat(counter.requests()).containsOnlyKeys("UpdateItem");
    assertThat(counter.requests("UpdateItem")).isEqualTo(CLEARED);
    assertThat(bus.stream(topic)).hasSize(CLEARED);
  }

  @Test
  void clearing_n_messages_another_process_deposited_reads_them_in_one_batch_and_marks_each() {
    // given
    List<Id> ids =
        depositInOneTransaction(
            BusProcessors.over(
                outbox, List.of(BusProcessors.producer(bus, topic, GreetingMade.class))));
    counter.reset();

    // when
    commandProcessor.clearOutbox(ids);

    // then
    report(
        "clear of " + CLEARED + " deposited elsewhere",
        counter.requests() + ", " + bus.stream(topic).size() + " sends");
    assertThat(counter.requests("BatchGetItem")).isEqualTo(1);
    assertThat(counter.requests("UpdateItem")).isEqualTo(CLEARED);
    assertThat(counter.requests()).containsOnlyKeys("BatchGetItem", "UpdateItem");
    assertThat(bus.stream(topic)).hasSize(CLEARED);
  }

  private List<Id> depositInOneTransaction(CommandProcessor depositor) {
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(client);
    List<Id> ids = new ArrayList<>();
    for (int i = 0; i < CLEARED; i++) {
      ids.add(depositor.depositPost(new GreetingMade(Id.random(), "hello"), unitOfWork));
    }
    unitOfWork.commit();
    return ids;
  }

  @Test
  void a_sweep_reads_in_proportion_to_its_batch_not_to_the_table() {
    // given: 300 dispatched and 100 outstanding messages
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    List<Message> dispatched = messages(300, hourAgo);
    outbox.add(dispatched, new RequestContext(), null);
    outbox.markDispatched(dispatched.stream().map(Message::id).toList(), Instant.now());
    outbox.add(messages(100, hourAgo), new RequestContext(), null);
    OutboxSweeper sweeper =
        OutboxSweeper.builder()
            .commandProcessor(commandProcessor)
            .minimumAge(Duration.ofMinutes(1))
            .batchSize(BATCH)
            .build();
    counter.reset();

    // when
    int sent = sweeper.sweep();

    // then
    report(
        "sweep of batch " + BATCH + " (400 items, 100 outstanding, " + SHARDS + " shards)",
        counter.requests() + ", " + counter.itemsRead() + " index entries read, " + sent + " sent");
    assertThat(sent).isEqualTo(BATCH);
    assertThat(counter.requests("Query")).isEqualTo(SHARDS);
    assertThat(counter.itemsRead()).isLessThanOrEqualTo((long) SHARDS * BATCH);
    assertThat(counter.requests("UpdateItem")).as("claims and marks").isEqualTo(2L * BATCH);
  }

  private List<Message> messages(int count, Instant timestamp) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new Message(
                    MessageHeader.builder(Id.random(), topic, MessageType.EVENT)
                        .timestamp(timestamp.plusMillis(i))
                        .build(),
                    MessageBody.json("{\"id\":\"" + i + "\",\"greeting\":\"hello\"}")))
        .toList();
  }

  private static void report(String operation, String counts) {
    System.out.println("[request counts] " + operation + ": " + counts);
  }
}
