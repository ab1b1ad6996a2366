package io.brighter.azure.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import com.azure.messaging.servicebus.administration.models.CreateQueueOptions;
import com.azure.messaging.servicebus.administration.models.CreateRuleOptions;
import com.azure.messaging.servicebus.administration.models.SqlRuleFilter;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import com.azure.messaging.servicebus.models.SubQueue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Pins the Service Bus front to the service's documented behaviour, through the Azure SDK. */
class LocalServiceBusIT {

  private static final LocalServiceBus BUS = LocalServiceBus.shared();
  private static final ServiceBusAdministrationClient ADMIN =
      new ServiceBusAdministrationClientBuilder()
          .connectionString(BUS.connectionString())
          .addPolicy(BUS.administrationPolicy())
          .buildClient();
  private static final ServiceBusClientBuilder CLIENTS =
      new ServiceBusClientBuilder().connectionString(BUS.connectionString());
  private static final List<AutoCloseable> OPENED = new ArrayList<>();

  @AfterAll
  static void closeClients() throws Exception {
    for (AutoCloseable client : OPENED) {
      client.close();
    }
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static ServiceBusSenderClient sender(String entity) {
    ServiceBusSenderClient sender = CLIENTS.sender().queueName(entity).buildClient();
    OPENED.add(sender);
    return sender;
  }

  private static ServiceBusReceiverClient receiver(String queue) {
    ServiceBusReceiverClient receiver =
        CLIENTS
            .receiver()
            .queueName(queue)
            .disableAutoComplete()
            .maxAutoLockRenewDuration(Duration.ZERO)
            .buildClient();
    OPENED.add(receiver);
    return receiver;
  }

  private static ServiceBusReceiverClient deadLetters(String queue) {
    ServiceBusReceiverClient receiver =
        CLIENTS
            .receiver()
            .queueName(queue)
            .subQueue(SubQueue.DEAD_LETTER_QUEUE)
            .disableAutoComplete()
            .buildClient();
    OPENED.add(receiver);
    return receiver;
  }

  private static List<ServiceBusReceivedMessage> receive(
      ServiceBusReceiverClient receiver, int count, Duration wait) {
    List<ServiceBusReceivedMessage> received = new ArrayList<>();
    receiver.receiveMessages(count, wait).forEach(received::add);
    return received;
  }

  @Test
  void a_sent_message_is_received_under_a_lock_and_gone_once_completed() {
    String queue = ADMIN.createQueue(fresh("q")).getName();
    sender(queue)
        .sendMessage(new ServiceBusMessage("hello").setMessageId("m-1").setSubject("greeting"));

    ServiceBusReceiverClient receiver = receiver(queue);
    List<ServiceBusReceivedMessage> received = receive(receiver, 5, Duration.ofSeconds(5));

    assertThat(received).hasSize(1);
    ServiceBusReceivedMessage message = received.get(0);
    assertThat(message.getBody().toString()).isEqualTo("hello");
    assertThat(message.getMessageId()).isEqualTo("m-1");
    assertThat(message.getSubject()).isEqualTo("greeting");
    assertThat(message.getLockToken()).isNotBlank();
    assertThat(message.getSequenceNumber()).isPositive();
    assertThat(message.getLockedUntil()).isAfter(OffsetDateTime.now());
    receiver.complete(message);
    assertThat(receive(receiver, 5, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void an_abandoned_message_comes_again_with_its_delivery_count_raised() {
    String queue = ADMIN.createQueue(fresh("q")).getName();
    sender(queue).sendMessage(new ServiceBusMessage("again"));
    ServiceBusReceiverClient receiver = receiver(queue);

    ServiceBusReceivedMessage first = receive(receiver, 1, Duration.ofSeconds(5)).get(0);
    receiver.abandon(first);
    ServiceBusReceivedMessage second = receive(receiver, 1, Duration.ofSeconds(5)).get(0);

    assertThat(second.getDeliveryCount()).isEqualTo(first.getDeliveryCount() + 1);
    assertThat(second.getSequenceNumber()).isEqualTo(first.getSequenceNumber());
    receiver.complete(second);
  }

  @Test
  void a_message_abandoned_max_delivery_count_times_is_dead_lettered_with_the_reason() {
    String queue =
        ADMIN.createQueue(fresh("q"), new CreateQueueOptions().setMaxDeliveryCount(2)).getName();
    sender(queue).sendMessage(new ServiceBusMessage("poison").setMessageId("p-1"));
    ServiceBusReceiverClient receiver = receiver(queue);
    receiver.abandon(receive(receiver, 1, Duration.ofSeconds(5)).get(0));
    receiver.abandon(receive(receiver, 1, Duration.ofSeconds(5)).get(0));

    assertThat(receive(receiver, 1, Duration.ofSeconds(1))).isEmpty();
    ServiceBusReceiverClient dead = deadLetters(queue);
    ServiceBusReceivedMessage letter = receive(dead, 1, Duration.ofSeconds(5)).get(0);
    assertThat(letter.getMessageId()).isEqualTo("p-1");
    assertThat(letter.getDeadLetterReason()).isEqualTo("MaxDeliveryCountExceeded");
    assertThat(letter.getDeadLetterSource()).isEqualTo(queue);
    dead.complete(letter);
  }

  @Test
  void a_dead_lettered_message_carries_its_reason_and_description() {
    String queue = ADMIN.createQueue(fresh("q")).getName();
    sender(queue).sendMessage(new ServiceBusMessage("bad"));
    ServiceBusReceiverClient receiver = receiver(queue);
    receiver.deadLetter(
        receive(receiver, 1, Duration.ofSeconds(5)).get(0),
        new DeadLetterOptions()
            .setDeadLetterReason("Unacceptable")
            .setDeadLetterErrorDescription("no mapper"));

    ServiceBusReceivedMessage letter = receive(deadLetters(queue), 1, Duration.ofSeconds(5)).get(0);
    assertThat(letter.getDeadLetterReason()).isEqualTo("Unacceptable");
    assertThat(letter.getDeadLetterErrorDescription()).isEqualTo("no mapper");
  }

  @Test
  void a_lock_that_expired_is_lost_and_its_message_comes_again() {
    String queue =
        ADMIN
            .createQueue(
                fresh("q"), new CreateQueueOptions().setLockDuration(Duration.ofSeconds(1)))
            .getName();
    sender(queue).sendMessage(new ServiceBusMessage("slow"));
    ServiceBusReceiverClient receiver = receiver(queue);
    ServiceBusReceivedMessage first = receive(receiver, 1, Duration.ofSeconds(5)).get(0);

    ServiceBusReceivedMessage again = receive(receiver, 1, Duration.ofSeconds(5)).get(0);

    assertThat(again.getSequenceNumber()).isEqualTo(first.getSequenceNumber());
    assertThat(again.getDeliveryCount()).isEqualTo(first.getDeliveryCount() + 1);
    assertThatThrownBy(() -> receiver.complete(first))
        .isInstanceOfSatisfying(
            ServiceBusException.class,
            e -> assertThat(e.getReason()).isEqualTo(ServiceBusFailureReason.MESSAGE_LOCK_LOST));
    receiver.complete(again);
  }

  @Test
  void a_renewed_lock_outlives_the_lock_duration() throws InterruptedException {
    String queue =
        ADMIN
            .createQueue(
                fresh("q"), new CreateQueueOptions().setLockDuration(Duration.ofSeconds(2)))
            .getName();
    sender(queue).sendMessage(new ServiceBusMessage("long"));
    ServiceBusReceiverClient receiver = receiver(queue);
    ServiceBusReceivedMessage message = receive(receiver, 1, Duration.ofSeconds(5)).get(0);
    OffsetDateTime lockedUntil = message.getLockedUntil();

    Thread.sleep(1_200);
    OffsetDateTime renewed = receiver.renewMessageLock(message);
    Thread.sleep(1_200);

    assertThat(renewed).isAfter(lockedUntil);
    receiver.complete(message);
  }

  @Test
  void a_scheduled_message_arrives_at_its_time_and_a_cancelled_one_never() {
    String queue = ADMIN.createQueue(fresh("q")).getName();
    ServiceBusSenderClient sender = sender(queue);
    OffsetDateTime at = OffsetDateTime.now().plusSeconds(2);
    sender.scheduleMessage(new ServiceBusMessage("later"), at);
    long cancelled = sender.scheduleMessage(new ServiceBusMessage("never"), at);
    sender.cancelScheduledMessage(cancelled);
    ServiceBusReceiverClient receiver = receiver(queue);

    assertThat(receive(receiver, 1, Duration.ofSeconds(1))).isEmpty();
    List<ServiceBusReceivedMessage> received = receive(receiver, 5, Duration.ofSeconds(5));

    assertThat(received).extracting(m -> m.getBody().toString()).containsExactly("later");
    assertThat(OffsetDateTime.now()).isAfterOrEqualTo(at);
    receiver.complete(received.get(0));
  }

  @Test
  void a_batch_arrives_as_its_messages_in_order() {
    String queue = ADMIN.createQueue(fresh("q")).getName();
    ServiceBusSenderClient sender = sender(queue);
    ServiceBusMessageBatch batch = sender.createMessageBatch();
    for (int i = 0; i < 5; i++) {
      assertThat(batch.tryAddMessage(new ServiceBusMessage("m" + i))).isTrue();
    }
    sender.sendMessages(batch);

    ServiceBusReceiverClient receiver = receiver(queue);
    List<ServiceBusReceivedMessage> received = new ArrayList<>();
    while (received.size() < 5) {
      List<ServiceBusReceivedMessage> more = receive(receiver, 5, Duration.ofSeconds(5));
      assertThat(more).isNotEmpty();
      received.addAll(more);
    }

    assertThat(received)
        .extracting(m -> m.getBody().toString())
        .containsExactly("m0", "m1", "m2", "m3", "m4");
    received.forEach(receiver::complete);
  }

  @Test
  void a_topic_copies_a_message_to_each_subscription_whose_rule_passes_it() {
    String topic = ADMIN.createTopic(fresh("t")).getName();
    ADMIN.createSubscription(topic, "all");
    ADMIN.createSubscription(topic, "orders");
    ADMIN.deleteRule(topic, "orders", "$Default");
    ADMIN.createRule(
        topic,
        "only-orders",
        "orders",
        new CreateRuleOptions(new SqlRuleFilter("kind = 'order' AND sys.Label LIKE 'new%'")));
    ServiceBusSenderClient sender = CLIENTS.sender().topicName(topic).buildClient();
    OPENED.add(sender);

    ServiceBusMessage order = new ServiceBusMessage("order").setSubject("new-order");
    order.getApplicationProperties().put("kind", "order");
    sender.sendMessage(order);
    ServiceBusMessage other = new ServiceBusMessage("other");
    other.getApplicationProperties().put("kind", "refund");
    sender.sendMessage(other);

    ServiceBusReceiverClient all =
        CLIENTS
            .receiver()
            .topicName(topic)
            .subscriptionName("all")
            .disableAutoComplete()
            .buildClient();
    ServiceBusReceiverClient orders =
        CLIENTS
            .receiver()
            .topicName(topic)
            .subscriptionName("orders")
            .disableAutoComplete()
            .buildClient();
    OPENED.add(all);
    OPENED.add(orders);
    List<ServiceBusReceivedMessage> toAll = new ArrayList<>();
    while (toAll.size() < 2) {
      toAll.addAll(receive(all, 2, Duration.ofSeconds(5)));
    }
    assertThat(toAll).extracting(m -> m.getBody().toString()).containsExactly("order", "other");
    assertThat(receive(orders, 2, Duration.ofSeconds(3)))
        .extracting(m -> m.getBody().toString())
        .containsExactly("order");
  }

  @Test
  void the_administration_client_sees_what_exists() {
    String queue = fresh("q");
    assertThat(ADMIN.getQueueExists(queue)).isFalse();
    ADMIN.createQueue(queue, new CreateQueueOptions().setMaxDeliveryCount(7));
    assertThat(ADMIN.getQueueExists(queue)).isTrue();
    assertThat(ADMIN.getQueue(queue).getMaxDeliveryCount()).isEqualTo(7);
    String topic = ADMIN.createTopic(fresh("t")).getName();
    assertThat(ADMIN.getTopicExists(topic)).isTrue();
    assertThat(ADMIN.getSubscriptionExists(topic, "none")).isFalse();
    ADMIN.createSubscription(topic, "one");
    assertThat(ADMIN.getSubscriptionExists(topic, "one")).isTrue();
    ADMIN.deleteQueue(queue);
    assertThat(ADMIN.getQueueExists(queue)).isFalse();
  }

  @Test
  void sending_to_a_missing_entity_fails() {
    ServiceBusSenderClient sender = sender(fresh("missing"));
    assertThatThrownBy(() -> sender.sendMessage(new ServiceBusMessage("x")))
        .isInstanceOfSatisfying(
            ServiceBusException.class,
            e -> {
              assertThat(e.getReason())
                  .isEqualTo(ServiceBusFailureReason.MESSAGING_ENTITY_NOT_FOUND);
            });
  }

  @Test
  void a_session_receiver_locks_one_session_and_gets_its_messages_in_order() {
    String queue =
        ADMIN.createQueue(fresh("q"), new CreateQueueOptions().setSessionRequired(true)).getName();
    ServiceBusSenderClient sender = sender(queue);
    sender.sendMessage(new ServiceBusMessage("a1").setSessionId("A"));
    sender.sendMessage(new ServiceBusMessage("b1").setSessionId("B"));
    sender.sendMessage(new ServiceBusMessage("a2").setSessionId("A"));
    ServiceBusSessionReceiverClient sessions =
        CLIENTS.sessionReceiver().queueName(queue).disableAutoComplete().buildClient();
    OPENED.add(sessions);

    ServiceBusReceiverClient first = sessions.acceptNextSession();
    ServiceBusReceiverClient second = sessions.acceptNextSession();
    OPENED.add(first);
    OPENED.add(second);

    assertThat(first.getSessionId()).isEqualTo("A");
    assertThat(second.getSessionId()).isEqualTo("B");
    List<ServiceBusReceivedMessage> fromA = new ArrayList<>();
    while (fromA.size() < 2) {
      List<ServiceBusReceivedMessage> more = receive(first, 2, Duration.ofSeconds(5));
      assertThat(more).isNotEmpty();
      fromA.addAll(more);
    }
    assertThat(fromA).extracting(m -> m.getBody().toString()).containsExactly("a1", "a2");
    fromA.forEach(first::complete);
    assertThat(receive(second, 5, Duration.ofSeconds(5)))
        .extracting(m -> m.getBody().toString())
        .containsExactly("b1");
    assertThatThrownBy(() -> sessions.acceptSession("A")).isInstanceOf(RuntimeException.class);
    first.setSessionState("progress".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(new String(first.getSessionState(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("progress");
    first.close();
    ServiceBusReceiverClient again = sessions.acceptSession("A");
    OPENED.add(again);
    assertThat(again.getSessionId()).isEqualTo("A");
  }

  @Test
  void a_session_receiver_on_an_entity_without_sessions_is_refused() {
    String queue = ADMIN.createQueue(fresh("q")).getName();
    ServiceBusSessionReceiverClient sessions =
        CLIENTS.sessionReceiver().queueName(queue).buildClient();
    OPENED.add(sessions);

    assertThatThrownBy(sessions::acceptNextSession).isInstanceOf(RuntimeException.class);
  }
}
