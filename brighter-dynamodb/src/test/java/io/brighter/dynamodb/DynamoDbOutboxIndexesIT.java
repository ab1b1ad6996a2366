package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.aws.local.LocalDynamoDb;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** What the DynamoDB outbox does beyond the contract: its indexes, shards, batches and expiry. */
class DynamoDbOutboxIndexesIT {

  private static final RequestCounter COUNTER = new RequestCounter();
  private static final DynamoDbClient CLIENT = LocalDynamoDb.client(List.of(COUNTER));
  private static final Duration TIME_TO_LIVE = Duration.ofDays(7);
  private static final DynamoDbOutbox OUTBOX =
      DynamoDbOutbox.builder()
          .client(CLIENT)
          .tableName("indexes_outbox")
          .numberOfShards(3)
          .timeToLive(TIME_TO_LIVE)
          .build()
          .createTableIfMissing();

  private final RoutingKey topic = RoutingKey.of("topic-" + UUID.randomUUID());
  private final Instant hourAgo =
      Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

  @Test
  void a_dispatched_message_leaves_the_outstanding_index_and_is_not_read_by_its_query() {
    // given
    Message sent = message(hourAgo, null);
    Message waiting = message(hourAgo.plusMillis(1), null);
    OUTBOX.add(List.of(sent, waiting), new RequestContext(), null);
    OUTBOX.markDispatched(sent.id(), Instant.now());
    COUNTER.reset();

    // when
    List<Message> outstanding = OUTBOX.outstandingMessages(topic, Duration.ZERO, 100);

    // then
    assertThat(outstanding).extracting(Message::id).containsExactly(waiting.id());
    assertThat(COUNTER.itemsRead()).as("index entries read").isEqualTo(1);
    assertThat(COUNTER.requests("Query")).as("one query per shard").isEqualTo(3);
    assertThat(item(sent.id()))
        .doesNotContainKey("OutstandingCreatedTime")
        .containsKey("DeliveryTime");
    assertThat(OUTBOX.dispatchedMessages(topic, Duration.ZERO, 100))
        .extracting(Message::id)
        .containsExactly(sent.id());
  }

  @Test
  void dispatching_sets_the_expiry_and_the_table_has_time_to_live_on_it() {
    // given
    Message message = message(hourAgo, null);
    OUTBOX.add(message, new RequestContext(), null);
    Instant dispatchedAt = Instant.now();

    // when
    OUTBOX.markDispatched(message.id(), dispatchedAt);

    // then
    assertThat(item(message.id()).get("ExpiresAt").n())
        .isEqualTo(Long.toString(dispatchedAt.plus(TIME_TO_LIVE).getEpochSecond()));
    var timeToLive =
        CLIENT.describeTimeToLive(t -> t.tableName(OUTBOX.tableName())).timeToLiveDescription();
    assertThat(timeToLive.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(timeToLive.attributeName()).isEqualTo("ExpiresAt");
  }

  @Test
  void a_message_is_written_to_the_shard_of_its_partition_key() {
    // given
    Message keyed = message(hourAgo, "customer-42");

    // when
    OUTBOX.add(keyed, new RequestContext(), null);

    // then
    int shard = Shards.of("customer-42", 3);
    assertThat(item(keyed.id()))
        .containsEntry("Shard", AttributeValue.fromN(Integer.toString(shard)))
        .containsEntry("TopicShard", AttributeValue.fromS(topic.value() + "_" + shard));
  }

  @Test
  void getting_more_than_100_ids_reads_them_100_at_a_time_in_the_order_asked() {
    // given
    List<Message> many = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      many.add(message(hourAgo.plusMillis(i), null));
    }
    OUTBOX.add(many, new RequestContext(), null);
    List<Id> asked = new ArrayList<>(many.reversed().stream().map(Message::id).toList());
    asked.add(125, Id.random());
    COUNTER.reset();

    // when
    List<Message> found = OUTBOX.get(asked);

    // then
    assertThat(found)
        .extracting(Message::id)
        .containsExactlyElementsOf(many.reversed().stream().map(Message::id).toList());
    assertThat(COUNTER.requests("BatchGetItem")).isEqualTo(3);
    COUNTER.reset();
    OUTBOX.delete(asked);
    assertThat(COUNTER.requests("BatchWriteItem")).isEqualTo(11);
    assertThat(OUTBOX.get(asked)).isEmpty();
  }

  @Test
  void the_messages_caused_by_a_request_are_found_oldest_first() {
    // given
    Id causation = Id.random();
    Message later = caused(message(hourAgo.plusSeconds(1), null), causation);
    Message earlier = caused(message(hourAgo, null), causation);
    OUTBOX.add(List.of(later, message(hourAgo, null), earlier), new RequestContext(), null);

    // when
    List<Message> found = OUTBOX.messagesCausedBy(causation);

    // then
    assertThat(found).extracting(Message::id).containsExactly(earlier.id(), later.id());
  }

  @Test
  void a_message_id_already_stored_cancels_the_transaction_that_adds_it_again() {
    // given
    Message stored = message(hourAgo, null);
    OUTBOX.add(stored, new RequestContext(), null);
    DynamoDbUnitOfWork unitOfWork = new DynamoDbUnitOfWork(CLIENT);
    Message fresh = message(hourAgo, null);
    COUNTER.reset();

    // when
    OUTBOX.add(List.of(fresh, stored), new RequestContext(), unitOfWork);

    // then
    assertThat(COUNTER.requests()).as("calls while adding in a transaction").isEmpty();
    assertThatThrownBy(unitOfWork::commit).isInstanceOf(TransactionCanceledException.class);
    assertThat(OUTBOX.get(fresh.id()).isEmpty()).isTrue();
  }

  @Test
  void the_builder_refuses_a_shard_count_outside_1_to_20_and_a_missing_client() {
    assertThatThrownBy(() -> DynamoDbOutbox.builder().client(CLIENT).numberOfShards(0).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("numberOfShards");
    assertThatThrownBy(() -> DynamoDbOutbox.builder().client(CLIENT).numberOfShards(21).build())
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> DynamoDbOutbox.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("DynamoDbOutbox.client may not be null");
  }

  private Message message(Instant timestamp, @Nullable String partitionKey) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, MessageType.EVENT)
            .timestamp(timestamp)
            .partitionKey(partitionKey)
            .build(),
        MessageBody.json("{\"greeting\":\"hello\"}"));
  }

  private static Message caused(Message message, Id causation) {
    return message.withHeader(
        message.header().withBagEntry(HeaderNames.CAUSATION_ID, causation.value()));
  }

  private static Map<String, AttributeValue> item(Id id) {
    return CLIENT
        .getItem(
            g -> g.tableName(OUTBOX.tableName()).key(MessageItems.key(id)).consistentRead(true))
        .item();
  }
}
