package io.brighter.azure.local;

import io.brighter.azure.local.MessageStore.EntitySettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.qpid.proton.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * The entities of the front's namespace: queues, topics, and the topics' subscriptions with their
 * rules. Entity names are matched without regard to case, as the service does. Every method holds
 * the namespace's lock, which also guards the {@link MessageStore}s it hands out: callers that use
 * a store synchronize on the namespace.
 */
final class ServiceBusNamespace {

  /** A subscription rule's test of a message. */
  @FunctionalInterface
  interface Filter {
    /** Whether {@code message} passes. */
    boolean matches(Message message);
  }

  /** A rule of a subscription, as it was made, with its filter. */
  record Rule(String name, Filter filter, String description) {}

  /** A queue: its store and the description it was made with. */
  record Queue(String name, MessageStore store, String description) {}

  /** A topic and its subscriptions. */
  record Topic(String name, String description, Map<String, Subscription> subscriptions) {}

  /** A subscription of a topic: its store, description and rules. */
  record Subscription(
      String name, MessageStore store, String description, Map<String, Rule> rules) {}

  private final Map<String, Queue> queues = new LinkedHashMap<>();
  private long lastSequenceNumber;
  private final Map<String, Topic> topics = new LinkedHashMap<>();

  /** The next sequence number: one series for the namespace, as a topic's copies share one. */
  private synchronized long nextSequenceNumber() {
    return ++lastSequenceNumber;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  synchronized @Nullable Queue queue(String name) {
    return queues.get(key(name));
  }

  synchronized @Nullable Topic topic(String name) {
    return topics.get(key(name));
  }

  synchronized @Nullable Subscription subscription(String topic, String name) {
    Topic found = topic(topic);
    return found == null ? null : found.subscriptions().get(key(name));
  }

  /** Whether an entity of either kind has {@code name}. */
  synchronized boolean exists(String name) {
    return queues.containsKey(key(name)) || topics.containsKey(key(name));
  }

  synchronized Queue putQueue(String name, EntitySettings settings, String description) {
    Queue existing = queue(name);
    if (existing != null) {
      existing.store().settings = settings;
      Queue updated = new Queue(existing.name(), existing.store(), description);
      queues.put(key(name), updated);
      return updated;
    }
    Queue queue =
        new Queue(
            name, new MessageStore(name, settings, true, this::nextSequenceNumber), description);
    queues.put(key(name), queue);
    return queue;
  }

  synchronized Topic putTopic(String name, String description) {
    Topic existing = topic(name);
    Topic topic =
        new Topic(
            name, description, existing == null ? new LinkedHashMap<>() : existing.subscriptions());
    topics.put(key(name), topic);
    return topic;
  }

  synchronized Subscription putSubscription(
      Topic topic, String name, EntitySettings settings, String description) {
    Subscription existing = topic.subscriptions().get(key(name));
    if (existing != null) {
      existing.store().settings = settings;
      Subscription updated =
          new Subscription(existing.name(), existing.store(), description, existing.rules());
      topic.subscriptions().put(key(name), updated);
      return updated;
    }
    Subscription subscription =
        new Subscription(
            name,
            new MessageStore(
                topic.name() + "/subscriptions/" + name, settings, true, this::nextSequenceNumber),
            description,
            new LinkedHashMap<>());
    topic.subscriptions().put(key(name), subscription);
    return subscription;
  }

  synchronized void putRule(Subscription subscription, Rule rule) {
    subscription.rules().put(key(rule.name()), rule);
  }

  synchronized @Nullable Rule rule(Subscription subscription, String name) {
    return subscription.rules().get(key(name));
  }

  synchronized boolean deleteRule(Subscription subscription, String name) {
    return subscription.rules().remove(key(name)) != null;
  }

  synchronized boolean deleteQueue(String name) {
    return queues.remove(key(name)) != null;
  }

  synchronized boolean deleteTopic(String name) {
    return topics.remove(key(name)) != null;
  }

  synchronized boolean deleteSubscription(Topic topic, String name) {
    return topic.subscriptions().remove(key(name)) != null;
  }

  /**
   * The store a receiver of {@code path} reads: {@code queue}, {@code topic/subscriptions/name},
   * either followed by {@code /$deadletterqueue}; null when there is none.
   */
  synchronized @Nullable MessageStore receivable(String path) {
    String[] parts = path.split("/");
    boolean deadLetters =
        parts.length > 1 && parts[parts.length - 1].equalsIgnoreCase("$deadletterqueue");
    int length = deadLetters ? parts.length - 1 : parts.length;
    MessageStore store = null;
    if (length == 1) {
      Queue queue = queue(parts[0]);
      store = queue == null ? null : queue.store();
    } else if (length == 3 && parts[1].equalsIgnoreCase("subscriptions")) {
      Subscription subscription = subscription(parts[0], parts[2]);
      store = subscription == null ? null : subscription.store();
    }
    return store == null || !deadLetters ? store : store.deadLetters();
  }

  /** Whether a sender may send to {@code path}: a queue or a topic. */
  synchronized boolean sendable(String path) {
    return !path.contains("/") && exists(path);
  }

  /**
   * Takes in a message sent to the queue or topic {@code path}: into the queue, or into each
   * subscription of the topic with a rule that passes it.
   *
   * @return the sequence number it was given (its copies in a topic's subscriptions share it)
   */
  synchronized long send(
      String path, byte[] encoded, Message message, @Nullable Instant scheduledFor, Instant now) {
    String messageId = message.getMessageId() == null ? null : message.getMessageId().toString();
    String sessionId = message.getGroupId();
    long sequenceNumber = nextSequenceNumber();
    Queue queue = queue(path);
    if (queue != null) {
      queue.store().enqueue(encoded, messageId, sessionId, sequenceNumber, scheduledFor, now);
    }
    Topic topic = topic(path);
    if (topic != null) {
      for (Subscription subscription : topic.subscriptions().values()) {
        if (subscription.rules().values().stream()
            .anyMatch(rule -> rule.filter().matches(message))) {
          subscription
              .store()
              .enqueue(encoded, messageId, sessionId, sequenceNumber, scheduledFor, now);
        }
      }
    }
    return sequenceNumber;
  }

  /** Removes the scheduled message {@code sequenceNumber} sent to {@code path}. */
  synchronized boolean cancelScheduled(String path, long sequenceNumber) {
    boolean found = false;
    Queue queue = queue(path);
    if (queue != null) {
      found = queue.store().cancelScheduled(sequenceNumber);
    }
    Topic topic = topic(path);
    if (topic != null) {
      for (Subscription subscription : topic.subscriptions().values()) {
        found |= subscription.store().cancelScheduled(sequenceNumber);
      }
    }
    return found;
  }

  /** Every store, for the periodic tick. */
  synchronized List<MessageStore> stores() {
    List<MessageStore> stores = new ArrayList<>();
    for (Queue queue : queues.values()) {
      stores.add(queue.store());
    }
    for (Topic topic : topics.values()) {
      for (Subscription subscription : topic.subscriptions().values()) {
        stores.add(subscription.store());
      }
    }
    return stores;
  }
}
