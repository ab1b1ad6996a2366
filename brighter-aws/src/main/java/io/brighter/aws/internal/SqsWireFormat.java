package io.brighter.aws.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighter.aws.SqsHeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.HeaderCodec;
import io.brighter.messaging.wire.TransportFields;
import io.brighter.messaging.wire.UnreadableHeaderException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Message} into SNS or SQS message attributes and a body, and an SQS delivery back
 * into a message, as .NET Brighter does ({@link SqsHeaderNames}): a few fields as attributes of
 * their own, the CloudEvents fields in one JSON attribute, every other header (the handled count
 * among them, as text) in another; every attribute a {@code String}. That is at most ten
 * attributes, SQS's limit.
 *
 * <p>The body travels as text (an empty body, which SQS does not take, as one space marked in the
 * bag): UTF-8, or Base64 for the compressed content types {@code application/gzip}, {@code
 * application/deflate} and {@code application/br} (as .NET writes them). A body of other bytes that
 * are not UTF-8 cannot travel, and fails with an {@link IllegalArgumentException} naming the way
 * out.
 *
 * <p>Reading follows the header codec's rules: the {@code topic} attribute gives the name in the
 * ARN or URL it holds (the subscribed routing key when that is the AWS name made from it); the
 * partition key is the message group id of a FIFO queue when the bag names none; attributes of
 * other names join the bag. A delivery that cannot be read (a JSON attribute that is not a JSON
 * object, a field that is wrong) becomes an {@link MessageType#UNACCEPTABLE} message, with its
 * receipt, which the pump dead-letters.
 */
public final class SqsWireFormat {

  private static final Logger LOG = LoggerFactory.getLogger(SqsWireFormat.class);
  private static final HeaderCodec CODEC = new HeaderCodec(SqsHeaderNames.WIRE);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The bag key that marks an empty body, which travels as one space. */
  static final String EMPTY_BODY = "brighter-empty-body";

  private static final Set<String> BASE64_TYPES =
      Set.of("application/gzip", "application/deflate", "application/br");

  private SqsWireFormat() {}

  /**
   * The attributes that carry {@code message}, with {@code topic} (a topic ARN or queue URL) in the
   * {@code topic} attribute; {@code subjectAttribute} says whether the CloudEvents subject is an
   * attribute of its own (SQS) or a CloudEvents key (SNS, whose own subject has rules of its own).
   */
  public static Map<String, String> attributes(
      Message message, String topic, boolean subjectAttribute) {
    Map<String, String> attributes = new LinkedHashMap<>();
    ObjectNode cloudEvents = JSON.createObjectNode();
    ObjectNode bag = JSON.createObjectNode();
    CODEC.write(
        message.header(),
        (name, value) -> {
          if (name.equals(SqsHeaderNames.SUBJECT) && !subjectAttribute) {
            cloudEvents.put(name, value.toString());
          } else if (SqsHeaderNames.ATTRIBUTES.contains(name)) {
            attributes.put(name, value.toString());
          } else if (SqsHeaderNames.CLOUD_EVENT_KEYS.contains(name)) {
            cloudEvents.put(name, value.toString());
          } else if (name.equals(SqsHeaderNames.HANDLED_COUNT)) {
            bag.put(name, value.toString());
          } else {
            bag.putPOJO(name, value);
          }
        });
    attributes.put(SqsHeaderNames.TOPIC, topic);
    if (message.body().bytes().length == 0) {
      bag.put(EMPTY_BODY, true); // SQS takes no empty body: one space goes, with this mark
    }
    attributes.put(SqsHeaderNames.CLOUD_EVENT_HEADERS, cloudEvents.toString());
    attributes.put(SqsHeaderNames.BAG, json(bag));
    return attributes;
  }

  /**
   * The body of {@code message} as SQS and SNS carry it.
   *
   * @throws IllegalArgumentException when it is neither UTF-8 text nor of a compressed type
   */
  public static String body(Message message) {
    byte[] bytes = message.body().bytes();
    if (bytes.length == 0) {
      return " ";
    }
    if (BASE64_TYPES.contains(baseType(message.header().contentType()))) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "Message "
              + message.id()
              + " has a body that is not UTF-8 text, which SQS and SNS cannot carry; compress it"
              + " (content type application/gzip travels as Base64) or keep it in a claim check",
          e);
    }
  }

  /**
   * The message of one SQS delivery, carrying {@code receipt}. Never fails, as the class comment
   * says.
   *
   * @param attributes the delivery's message attributes of type {@code String}
   * @param body the delivery's body
   * @param groupId the message group id of a FIFO delivery, else null
   * @param sentAt when SQS took the message, if known
   * @param subscribed the topic of the subscription, used when the delivery names none
   */
  public static Message toMessage(
      Map<String, String> attributes,
      String body,
      @Nullable String groupId,
      @Nullable Instant sentAt,
      RoutingKey subscribed,
      Receipt receipt) {
    Map<String, Object> headers = new HashMap<>(attributes);
    TransportFields transport = new TransportFields(null, subscribed, sentAt, null, null, groupId);
    try {
      headers.remove(SqsHeaderNames.CLOUD_EVENT_HEADERS);
      headers.remove(SqsHeaderNames.BAG);
      merge(
          headers,
          attributes.get(SqsHeaderNames.CLOUD_EVENT_HEADERS),
          SqsHeaderNames.CLOUD_EVENT_HEADERS);
      merge(headers, attributes.get(SqsHeaderNames.BAG), SqsHeaderNames.BAG);
      String topic = attributes.get(SqsHeaderNames.TOPIC);
      if (topic != null) {
        String name = nameIn(topic);
        // the subscribed routing key, as it was before it became an AWS name ('.' to '_')
        boolean subscribedTo = name.equals(AwsNames.underscored(subscribed.value()));
        headers.put(SqsHeaderNames.TOPIC, subscribedTo ? subscribed.value() : name);
      }
      boolean empty = Boolean.TRUE.equals(headers.remove(EMPTY_BODY));
      MessageHeader header = CODEC.read(headers, transport, UnaryOperator.identity()).build();
      byte[] bytes = empty ? new byte[0] : bodyBytes(body, header.contentType());
      return new Message(header, new MessageBody(bytes, header.contentType()), receipt);
    } catch (RuntimeException e) {
      String reason =
          e instanceof UnreadableHeaderException && e.getMessage() != null
              ? e.getMessage()
              : e.toString();
      Map<String, Object> seen = new HashMap<>(headers); // what the JSON attributes held, too
      attributes.forEach(seen::putIfAbsent);
      MessageHeader header = CODEC.unreadable(seen, transport, reason);
      LOG.warn(
          "Could not read message {} from SQS; it is unacceptable: {}", header.messageId(), reason);
      return new Message(
          header, new MessageBody(body.getBytes(StandardCharsets.UTF_8), "text/plain"), receipt);
    }
  }

  /**
   * A message in SNS's notification envelope, as a subscription without raw delivery puts it on the
   * queue: the published message and its attributes.
   *
   * @param message the message as published
   * @param attributes its string attributes
   */
  public record Envelope(String message, Map<String, String> attributes) {}

  /**
   * What {@code body} holds when it is SNS's notification envelope ({@code "Type": "Notification"}
   * with a {@code Message}); null for any other body.
   */
  public static @Nullable Envelope unwrap(String body) {
    if (!body.startsWith("{") || !body.contains("\"Notification\"")) {
      return null;
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (envelope == null
        || !"Notification".equals(envelope.path("Type").asText())
        || !envelope.path("Message").isTextual()) {
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> attribute : envelope.path("MessageAttributes").properties()) {
      JsonNode value = attribute.getValue().path("Value");
      if (value.isTextual()) {
        attributes.put(attribute.getKey(), value.textValue());
      }
    }
    return new Envelope(envelope.get("Message").textValue(), attributes);
  }

  /** The message group of a FIFO message without a partition key. */
  public static final String DEFAULT_GROUP = "default";

  /** The message group of {@code message} on a FIFO queue or topic: its partition key. */
  public static String groupId(Message message) {
    String group = message.header().partitionKey();
    return group == null || group.isEmpty() ? DEFAULT_GROUP : group;
  }

  /**
   * The deduplication id of {@code message} on a FIFO queue or topic: the one its bag names under
   * {@link SqsHeaderNames#DEDUPLICATION_ID}, else its id.
   */
  public static String deduplicationId(Message message) {
    Object named = message.header().bag().get(SqsHeaderNames.DEDUPLICATION_ID);
    return deduplicationId(named != null ? named.toString() : message.id().value());
  }

  /** {@code attributes} as SQS string attribute values. */
  public static Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue>
      sqsAttributes(Map<String, String> attributes) {
    Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> values =
        new LinkedHashMap<>();
    attributes.forEach(
        (name, value) ->
            values.put(
                name,
                software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                    .dataType("String")
                    .stringValue(value)
                    .build()));
    return values;
  }

  /** {@code delay} in whole seconds, rounded up (never early), at most {@code max}. */
  public static int wholeSeconds(Duration delay, int max) {
    return (int) Math.min(max, (delay.toMillis() + 999) / 1000);
  }

  /**
   * {@code id} as a FIFO deduplication id: itself when SQS takes it (1 to 128 printable ASCII
   * characters), else its SHA-256 in hex.
   */
  public static String deduplicationId(String id) {
    if (!id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c > ' ' && c < 127)) {
      return id;
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /**
   * The name in a topic ARN ({@code arn:aws:sns:…:name}) or queue URL ({@code https://…/name}),
   * without the {@code .fifo} a FIFO name ends with.
   */
  static String nameIn(String topic) {
    String name = topic;
    if (topic.startsWith("arn:")) {
      name = topic.substring(topic.lastIndexOf(':') + 1);
    } else if (topic.startsWith("http://") || topic.startsWith("https://")) {
      name = topic.substring(topic.lastIndexOf('/') + 1);
    } else {
      return topic;
    }
    return name.endsWith(".fifo") ? name.substring(0, name.length() - 5) : name;
  }

  /** Adds the entries of the JSON object {@code json} that {@code headers} does not hold yet. */
  private static void merge(Map<String, Object> headers, @Nullable String json, String attribute) {
    if (json == null || json.isBlank()) {
      return;
    }
    JsonNode object;
    try {
      object = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UnreadableHeaderException(attribute, json, "a JSON object");
    }
    if (object == null || !object.isObject()) {
      throw new UnreadableHeaderException(attribute, json, "a JSON object");
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      Object value = scalar(field.getValue());
      if (value != null) {
        headers.putIfAbsent(field.getKey(), value);
      }
    }
  }

  /** A JSON value as a bag holds it: text, a whole number, a decimal, a boolean; else its JSON. */
  private static @Nullable Object scalar(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    return value.toString();
  }

  private static byte[] bodyBytes(String body, String contentType) {
    if (BASE64_TYPES.contains(baseType(contentType))) {
      return Base64.getDecoder().decode(body);
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static String baseType(String contentType) {
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
  }

  /** {@code entries} as a JSON object. */
  public static String json(Map<String, ?> entries) {
    ObjectNode node = JSON.createObjectNode();
    entries.forEach(node::putPOJO);
    return json(node);
  }

  private static String json(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "a bag entry cannot be written as JSON: " + e.getMessage(), e);
    }
  }
}
