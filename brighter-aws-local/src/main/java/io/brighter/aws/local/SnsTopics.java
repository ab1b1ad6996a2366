package io.brighter.aws.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.aws.local.SnsRequest.Attribute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The topics and subscriptions of the local SNS, and what a publish does: it hands the message to
 * each subscription of the topic whose filter policy it passes, through {@link SqsDelivery}. A FIFO
 * topic needs a message group id, and drops a message whose deduplication id (given, or the SHA-256
 * of the body under content-based deduplication) it has seen within five minutes, as SNS does. Not
 * thread-safe: the front calls it under one lock, so every publish is delivered whole before the
 * next.
 */
final class SnsTopics {

  static final String ACCOUNT = LocalAws.ACCOUNT_ID;
  private static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A topic. */
  record Topic(String arn, String name, boolean fifo, Map<String, String> attributes) {}

  /** A subscription of an SQS queue (its ARN the endpoint) to a topic. */
  record Subscription(
      String arn,
      String topicArn,
      String protocol,
      String endpoint,
      Map<String, String> attributes) {

    boolean raw() {
      return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
    }
  }

  /** One message to publish. */
  record Publish(
      String topicArn,
      String message,
      @Nullable String subject,
      Map<String, Attribute> attributes,
      @Nullable String groupId,
      @Nullable String deduplicationId) {}

  /** What a publish answers: the message id, and the sequence number on a FIFO topic. */
  record Published(String messageId, @Nullable String sequenceNumber) {}

  private final String region;
  private final SqsDelivery delivery;
  private final Clock clock;
  private final Map<String, Topic> topics = new LinkedHashMap<>();
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, Instant> seenDeduplicationIds = new LinkedHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  SnsTopics(String region, SqsDelivery delivery, Clock clock) {
    this.region = region;
    this.delivery = delivery;
    this.clock = clock;
  }

  /** Creates topic {@code name}, or returns the one of that name. */
  Topic create(String name, Map<String, String> attributes) {
    boolean fifo = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
    if (fifo != name.endsWith(".fifo")) {
      throw SnsError.invalidParameter(
          "Invalid parameter: Topic Name: a FIFO topic's name, and only its, ends with .fifo");
    }
    if (!name.matches("[A-Za-z0-9_-]{1,256}(\\.fifo)?") || name.length() > 256) {
      throw SnsError.invalidParameter("Invalid parameter: Topic Name: " + name);
    }
    String arn = "arn:aws:sns:" + region + ":" + ACCOUNT + ":" + name;
    return topics.computeIfAbsent(arn, key -> new Topic(arn, name, fifo, Map.copyOf(attributes)));
  }

  /** The topic {@code arn}; SNS's {@code NotFound} when there is none. */
  Topic topic(String arn) {
    Topic topic = topics.get(arn);
    if (topic == null) {
      throw SnsError.notFound("Topic does not exist");
    }
    return topic;
  }

  List<Topic> topics() {
    return List.copyOf(topics.values());
  }

  void delete(String arn) {
    topics.remove(arn);
    subscriptions.values().removeIf(subscription -> subscription.topicArn().equals(arn));
  }

  /** Subscribes {@code endpoint}, an SQS queue's ARN; the same one twice gives one subscription. */
  Subscription subscribe(
      String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    topic(topicArn);
    if (!"sqs".equals(protocol)) {
      throw SnsError.invalidParameter("The local SNS delivers to SQS queues only: " + protocol);
    }
    checkFilterPolicy(attributes.get("FilterPolicy"));
    for (Subscription existing : subscriptions.values()) {
      if (existing.topicArn().equals(topicArn) && existing.endpoint().equals(endpoint)) {
        return existing;
      }
    }
    String arn = topicArn + ":" + UUID.randomUUID();
    Subscription subscription =
        new Subscription(arn, topicArn, protocol, endpoint, new LinkedHashMap<>(attributes));
    subscriptions.put(arn, subscription);
    return subscription;
  }

  Subscription subscription(String arn) {
    Subscription subscription = subscriptions.get(arn);
    if (subscription == null) {
      throw SnsError.notFound("Subscription does not exist");
    }
    return subscription;
  }

  void setSubscriptionAttribute(String arn, String name, String value) {
    if (name.equals("FilterPolicy")) {
      checkFilterPolicy(value);
    }
    subscription(arn).attributes().put(name, value);
  }

  void unsubscribe(String arn) {
    subscriptions.remove(arn);
  }

  List<Subscription> subscriptions(String topicArn) {
    topic(topicArn);
    return subscriptions.values().stream()
        .filter(subscription -> subscription.topicArn().equals(topicArn))
        .toList();
  }

  /** Publishes {@code publish} to its topic's subscriptions, as the class comment says. */
  Published publish(Publish publish) {
    Topic topic = topic(publish.topicArn());
    if (publish.message().isEmpty()) {
      throw SnsError.invalidParameter("Invalid parameter: Empty message");
    }
    String messageId = UUID.randomUUID().toString();
    String deduplicationId = publish.deduplicationId();
    String sequenceNumber = null;
    if (topic.fifo()) {
      if (publish.groupId() == null) {
        throw SnsError.invalidParameter(
            "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
      }
      if (deduplicationId == null) {
        if (!"true".equalsIgnoreCase(topic.attributes().get("ContentBasedDeduplication"))) {
          throw SnsError.invalidParameter(
              "Invalid parameter: The topic should either have ContentBasedDeduplication enabled"
                  + " or MessageDeduplicationId provided explicitly");
        }
        deduplicationId = sha256(publish.message());
      }
      sequenceNumber = String.format("%020d", sequence.incrementAndGet());
      if (seenWithinWindow(topic.arn() + "/" + deduplicationId)) {
        return new Published(messageId, sequenceNumber);
      }
    } else if (publish.groupId() != null) {
      throw SnsError.invalidParameter("Invalid parameter: MessageGroupId is only for FIFO topics");
    }
    for (Subscription subscription : subscriptions(topic.arn())) {
      if (passes(subscription.attributes().get("FilterPolicy"), publish.attributes())) {
        delivery.deliver(subscription, publish, messageId, deduplicationId, clock.instant());
      }
    }
    return new Published(messageId, sequenceNumber);
  }

  private boolean seenWithinWindow(String key) {
    Instant now = clock.instant();
    seenDeduplicationIds.values().removeIf(expiry -> expiry.isBefore(now));
    return seenDeduplicationIds.putIfAbsent(key, now.plus(DEDUPLICATION_WINDOW)) != null;
  }

  /**
   * Refuses a filter policy the front cannot apply: it applies exact matches only, an attribute
   * name to a list of strings or numbers.
   */
  private static void checkFilterPolicy(@Nullable String policy) {
    if (policy == null || policy.isBlank()) {
      return;
    }
    JsonNode root = parse(policy);
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      if (!entry.getValue().isArray()) {
        throw SnsError.invalidParameter("Invalid parameter: FilterPolicy: " + entry.getKey());
      }
      for (JsonNode value : entry.getValue()) {
        if (!value.isTextual() && !value.isNumber()) {
          throw SnsError.invalidParameter(
              "Invalid parameter: FilterPolicy: the local SNS matches exact values only ("
                  + entry.getKey()
                  + ")");
        }
      }
    }
  }

  /** Whether attributes pass {@code policy}: every key present with one of its values. */
  private static boolean passes(@Nullable String policy, Map<String, Attribute> attributes) {
    if (policy == null || policy.isBlank()) {
      return true;
    }
    for (Map.Entry<String, JsonNode> entry : parse(policy).properties()) {
      Attribute attribute = attributes.get(entry.getKey());
      if (attribute == null || attribute.stringValue() == null) {
        return false;
      }
      boolean matched = false;
      for (JsonNode allowed : entry.getValue()) {
        matched |=
            allowed.isNumber()
                ? numberEquals(allowed, attribute.stringValue())
                : allowed.textValue().equals(attribute.stringValue());
      }
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  private static boolean numberEquals(JsonNode allowed, String value) {
    try {
      return allowed.decimalValue().compareTo(new java.math.BigDecimal(value)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static JsonNode parse(String policy) {
    try {
      JsonNode root = JSON.readTree(policy);
      if (root == null || !root.isObject()) {
        throw SnsError.invalidParameter("Invalid parameter: FilterPolicy: not a JSON object");
      }
      return root;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw SnsError.invalidParameter("Invalid parameter: FilterPolicy: " + e.getOriginalMessage());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
