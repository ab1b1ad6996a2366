package io.brighter.messaging.wire;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link MessageHeader} as a transport's headers and reads it back, with the header names
 * of one transport ({@link WireHeaderNames}): the one set of rules every transport follows, so
 * messages read the same whichever broker carried them.
 *
 * <p><b>Writing.</b> Each field the names table carries, in {@link HeaderField} order: text as
 * {@code String}, the handled count as {@code Integer}, a delay (only when not zero) as {@code
 * Long} milliseconds, the type as {@link WireMessageType} writes it; then each bag entry, its value
 * as it is, but for entries named like a carried field and the entries that describe this process
 * only ({@link HeaderNames#PRODUCER_TOPIC}). A transport turns the values into what its wire holds.
 *
 * <p><b>Reading</b> is lenient where a value can be missing and strict where it is wrong: a missing
 * id is the transport's (or a new one), a missing type an event, a missing topic the transport's, a
 * missing time or one that is not RFC 3339 the older time header's, then the transport's, then now;
 * a type, count, delay or URI that is present but cannot be read fails with {@link
 * UnreadableHeaderException} naming the header, so the transport makes the message unacceptable.
 * Headers that carry no field become bag entries, through the transport's {@code bagValue}.
 *
 * {@snippet :
 * HeaderCodec codec = new HeaderCodec(KafkaHeaderNames.WIRE);
 * codec.write(message.header(), (name, value) -> headers.add(name, bytes(value)));
 * MessageHeader header = codec.read(headers, TransportFields.of(topic), KafkaWireFormat::typed).build();
 * }
 *
 * <p>Immutable and thread-safe.
 */
public final class HeaderCodec {

  /** The bag entries that describe this process only, never written to a wire. */
  private static final Set<String> LOCAL = Set.of(HeaderNames.PRODUCER_TOPIC);

  private static final String DEFAULT_SOURCE_TEXT = MessageHeader.DEFAULT_SOURCE.toString();
  private static final String DEFAULT_CONTENT_TYPE = "text/plain";
  private static final int URI_CACHE_LIMIT = 1_024;

  /** Parsed CloudEvents sources and schemas: a service sees few, and parsing a URI is slow. */
  private static final Map<String, URI> URIS = new ConcurrentHashMap<>();

  private static final int FIELD_COUNT = HeaderField.values().length;

  /** A slot for each field's value under its name, then one for each under its alias. */
  private static final int SLOTS = 2 * FIELD_COUNT;

  private final WireHeaderNames names;

  /** The slots a header fills, by its name: every reserved name, nothing else. */
  private final Map<String, int[]> slotsByName;

  /** A codec that writes and reads by {@code names}. */
  public HeaderCodec(WireHeaderNames names) {
    this.names = requireNonNull(names, "names must not be null");
    Map<String, int[]> slots = new HashMap<>();
    for (HeaderField field : HeaderField.values()) {
      addSlot(slots, names.name(field), field.ordinal());
      addSlot(slots, names.alias(field), FIELD_COUNT + field.ordinal());
    }
    this.slotsByName = Map.copyOf(slots);
  }

  private static void addSlot(Map<String, int[]> slots, @Nullable String name, int slot) {
    if (name != null) {
      int[] known = slots.get(name);
      int[] more = known == null ? new int[1] : Arrays.copyOf(known, known.length + 1);
      more[more.length - 1] = slot;
      slots.put(name, more);
    }
  }

  /** The names table this codec uses. */
  public WireHeaderNames names() {
    return names;
  }

  /** Gives {@code sink} each header that carries {@code header}, as the class comment says. */
  public void write(MessageHeader header, BiConsumer<String, Object> sink) {
    put(sink, HeaderField.MESSAGE_TYPE, WireMessageType.write(header.messageType()));
    put(sink, HeaderField.TOPIC, header.topic().value());
    put(sink, HeaderField.MESSAGE_ID, header.messageId().value());
    DateTimeFormatter format = names.timestampFormat();
    if (format != null) {
      put(sink, HeaderField.TIMESTAMP, format.format(header.timestamp().atOffset(ZoneOffset.UTC)));
    }
    put(sink, HeaderField.CONTENT_TYPE, header.contentType());
    put(sink, HeaderField.CORRELATION_ID, text(header.correlationId()));
    put(sink, HeaderField.PARTITION_KEY, emptyToNull(header.partitionKey()));
    put(sink, HeaderField.REPLY_TO, header.replyTo() == null ? null : header.replyTo().value());
    if (!header.delay().isZero()) {
      put(sink, HeaderField.DELAY, header.delay().toMillis());
    }
    put(sink, HeaderField.HANDLED_COUNT, header.handledCount());
    put(sink, HeaderField.CLOUD_EVENTS_ID, header.messageId().value());
    put(sink, HeaderField.CLOUD_EVENTS_SPEC_VERSION, header.specVersion());
    put(sink, HeaderField.CLOUD_EVENTS_TYPE, header.type());
    put(sink, HeaderField.CLOUD_EVENTS_SOURCE, header.source().toString());
    put(sink, HeaderField.CLOUD_EVENTS_TIME, header.timestamp().toString());
    put(sink, HeaderField.CLOUD_EVENTS_SUBJECT, emptyToNull(header.subject()));
    put(sink, HeaderField.CLOUD_EVENTS_DATA_SCHEMA, text(header.dataSchema()));
    put(sink, HeaderField.TRACE_PARENT, emptyToNull(header.traceParent()));
    put(sink, HeaderField.TRACE_STATE, emptyToNull(header.traceState()));
    put(sink, HeaderField.BAGGAGE, emptyToNull(header.baggage()));
    put(sink, HeaderField.CLOUD_EVENTS_DATA_CONTENT_TYPE, header.contentType());
    put(sink, HeaderField.DATA_REF, emptyToNull(header.dataRef()));
    for (Map.Entry<String, Object> entry : header.bag().entrySet()) {
      if (!names.reserved(entry.getKey()) && !LOCAL.contains(entry.getKey())) {
        sink.accept(entry.getKey(), entry.getValue());
      }
    }
  }

  /**
   * The header {@code headers} carry, with {@code transport}'s values where they say nothing, as
   * the class comment says; every other header becomes a bag entry through {@code bagValue}.
   *
   * @throws UnreadableHeaderException naming a header whose value cannot be read
   */
  public MessageHeader.Builder read(
      Map<String, ?> headers, TransportFields transport, UnaryOperator<Object> bagValue) {
    return read(headers.entrySet(), Map.Entry::getKey, Map.Entry::getValue, transport, bagValue);
  }

  /**
   * As {@link #read(Map, TransportFields, UnaryOperator)}, straight from a transport's own list of
   * headers, each giving its {@code name} and {@code value} (null for none); where a name comes
   * twice, the later header wins. Saves building a map of every header.
   *
   * @throws UnreadableHeaderException naming a header whose value cannot be read
   */
  public <H> MessageHeader.Builder read(
      Iterable<H> headers,
      Function<H, String> name,
      Function<H, @Nullable Object> value,
      TransportFields transport,
      UnaryOperator<Object> bagValue) {
    List<H> others = new ArrayList<>(4);
    @Nullable Object[] fields = fieldsOf(headers, name, value, others);
    MessageHeader.Builder header =
        MessageHeader.builder(
                readId(fields, transport), readTopic(fields, transport), readType(fields))
            .timestamp(readTimestamp(fields, transport))
            .handledCount(count(fields, HeaderField.HANDLED_COUNT))
            .delay(Duration.ofMillis(Math.abs(millis(fields, HeaderField.DELAY))))
            .contentType(readContentType(fields, transport))
            .partitionKey(
                firstNonBlank(field(fields, HeaderField.PARTITION_KEY), transport.partitionKey()))
            .subject(field(fields, HeaderField.CLOUD_EVENTS_SUBJECT))
            .dataSchema(uri(fields, HeaderField.CLOUD_EVENTS_DATA_SCHEMA))
            .dataRef(field(fields, HeaderField.DATA_REF))
            .traceParent(field(fields, HeaderField.TRACE_PARENT))
            .traceState(field(fields, HeaderField.TRACE_STATE))
            .baggage(field(fields, HeaderField.BAGGAGE));
    String correlationId = field(fields, HeaderField.CORRELATION_ID);
    if (correlationId != null) {
      header.correlationId(Id.of(correlationId));
    }
    String replyTo = firstNonBlank(field(fields, HeaderField.REPLY_TO), transport.replyTo());
    if (replyTo != null) {
      header.replyTo(RoutingKey.of(replyTo));
    }
    String type = field(fields, HeaderField.CLOUD_EVENTS_TYPE);
    if (type != null) {
      header.type(type);
    }
    String source = field(fields, HeaderField.CLOUD_EVENTS_SOURCE);
    if (source != null && !source.equals(DEFAULT_SOURCE_TEXT)) {
      header.source(uri(HeaderField.CLOUD_EVENTS_SOURCE, source));
    }
    String specVersion = field(fields, HeaderField.CLOUD_EVENTS_SPEC_VERSION);
    if (specVersion != null) {
      header.specVersion(specVersion);
    }
    for (H other : others) {
      header.bagEntry(name.apply(other), bagValue.apply(requireNonNull(value.apply(other))));
    }
    return header;
  }

  /**
   * The values of {@code headers} in the slots of the fields they carry (one pass, one lookup per
   * header); the headers that carry no field, with a value, go to {@code others} when given.
   */
  private <H> @Nullable Object[] fieldsOf(
      Iterable<H> headers,
      Function<H, String> name,
      Function<H, @Nullable Object> value,
      @Nullable List<H> others) {
    @Nullable Object[] fields = new Object[SLOTS];
    for (H header : headers) {
      int[] slots = slotsByName.get(name.apply(header));
      if (slots != null) {
        Object found = value.apply(header);
        for (int slot : slots) {
          fields[slot] = found;
        }
      } else if (others != null && value.apply(header) != null) {
        others.add(header);
      }
    }
    return fields;
  }

  /**
   * The header of an {@link MessageType#UNACCEPTABLE} message for a delivery that could not be read
   * because of {@code reason}: its id and topic as far as they can be read, every header in the bag
   * as it came, and the reason under {@link HeaderNames#UNREADABLE_REASON}.
   */
  public MessageHeader unreadable(
      Map<String, ?> headers, TransportFields transport, String reason) {
    @Nullable Object[] fields =
        fieldsOf(headers.entrySet(), Map.Entry::getKey, Map.Entry::getValue, null);
    MessageHeader.Builder header =
        MessageHeader.builder(
            readId(fields, transport), readTopic(fields, transport), MessageType.UNACCEPTABLE);
    headers.forEach(
        (name, value) -> {
          if (value != null) {
            header.bagEntry(name, value instanceof byte[] bytes ? utf8(bytes) : value);
          }
        });
    return header.bagEntry(HeaderNames.UNREADABLE_REASON, reason).build();
  }

  private void put(BiConsumer<String, Object> sink, HeaderField field, @Nullable Object value) {
    String name = names.name(field);
    if (name == null || value == null) {
      return;
    }
    sink.accept(name, value);
    String alias = names.alias(field);
    if (alias != null) {
      sink.accept(alias, value);
    }
  }

  /** The text of {@code field}'s header (or its alias), or null when absent or blank. */
  private static @Nullable String field(@Nullable Object[] fields, HeaderField field) {
    String value = blankToNull(text(fields[field.ordinal()]));
    return value != null ? value : blankToNull(text(fields[FIELD_COUNT + field.ordinal()]));
  }

  private Id readId(@Nullable Object[] fields, TransportFields transport) {
    String id = blankToNull(transport.messageId());
    if (id == null) {
      id = field(fields, HeaderField.CLOUD_EVENTS_ID);
    }
    if (id == null) {
      id = field(fields, HeaderField.MESSAGE_ID);
    }
    return id == null ? Id.random() : Id.of(id);
  }

  private RoutingKey readTopic(@Nullable Object[] fields, TransportFields transport) {
    String topic = field(fields, HeaderField.TOPIC);
    return topic == null ? transport.topic() : RoutingKey.of(topic);
  }

  private MessageType readType(@Nullable Object[] fields) {
    String type = field(fields, HeaderField.MESSAGE_TYPE);
    if (type == null) {
      return MessageType.EVENT;
    }
    try {
      return WireMessageType.read(type);
    } catch (IllegalArgumentException e) {
      throw new UnreadableHeaderException(nameOf(HeaderField.MESSAGE_TYPE), type, "a message type");
    }
  }

  private Instant readTimestamp(@Nullable Object[] fields, TransportFields transport) {
    String time = field(fields, HeaderField.CLOUD_EVENTS_TIME);
    if (time != null) {
      try {
        return parseInstant(time);
      } catch (DateTimeParseException e) {
        // an older or other producer's time: fall back as for a missing one
      }
    }
    DateTimeFormatter format = names.timestampFormat();
    String stamp = format == null ? null : field(fields, HeaderField.TIMESTAMP);
    if (stamp != null) {
      try {
        return LocalDateTime.parse(stamp, format).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // fall back to the transport's time
      }
    }
    return transport.timestamp() != null ? transport.timestamp() : Instant.now();
  }

  private String readContentType(@Nullable Object[] fields, TransportFields transport) {
    String contentType = field(fields, HeaderField.CLOUD_EVENTS_DATA_CONTENT_TYPE);
    if (contentType == null) {
      contentType = field(fields, HeaderField.CONTENT_TYPE);
    }
    if (contentType == null) {
      contentType = blankToNull(transport.contentType());
    }
    return contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
  }

  /** A count: a whole number from 0, 0 when absent. */
  private int count(@Nullable Object[] fields, HeaderField field) {
    long count = millis(fields, field);
    if (count < 0) {
      throw new UnreadableHeaderException(nameOf(field), count, "a whole number from 0 to 2^31");
    }
    return (int) count;
  }

  /** A whole number within an {@code int}'s range, signed, 0 when absent. */
  private long millis(@Nullable Object[] fields, HeaderField field) {
    Object value = fields[field.ordinal()];
    long number;
    try {
      number =
          switch (value) {
            case null -> 0;
            case Number n when n.doubleValue() == Math.rint(n.doubleValue()) -> n.longValue();
            case Number n -> throw new NumberFormatException();
            default -> {
              String text = text(value);
              yield text == null || text.isBlank() ? 0 : Long.parseLong(text.strip());
            }
          };
    } catch (NumberFormatException e) {
      throw new UnreadableHeaderException(nameOf(field), text(value), "a whole number");
    }
    if (Math.abs(number) > Integer.MAX_VALUE) {
      throw new UnreadableHeaderException(nameOf(field), number, "a whole number within 2^31");
    }
    return number;
  }

  private @Nullable URI uri(@Nullable Object[] fields, HeaderField field) {
    String text = field(fields, field);
    return text == null ? null : uri(field, text);
  }

  private URI uri(HeaderField field, String text) {
    URI cached = URIS.get(text);
    if (cached != null) {
      return cached;
    }
    try {
      URI parsed = new URI(text);
      if (URIS.size() < URI_CACHE_LIMIT) {
        URIS.put(text, parsed);
      }
      return parsed;
    } catch (URISyntaxException e) {
      throw new UnreadableHeaderException(nameOf(field), text, "a URI");
    }
  }

  private String nameOf(HeaderField field) {
    String name = names.name(field);
    return name == null ? field.name() : name;
  }

  /**
   * {@code time} in RFC 3339: the form {@link Instant#toString} writes ({@code
   * 2026-11-27T00:05:13.123Z}) read without a formatter, which is most of the cost of reading a
   * header otherwise; any other form through {@link Instant#parse}.
   *
   * @throws DateTimeParseException when it is not RFC 3339
   */
  public static Instant parseInstant(String time) {
    int length = time.length();
    if (length >= 20
        && time.charAt(4) == '-'
        && time.charAt(7) == '-'
        && time.charAt(10) == 'T'
        && time.charAt(13) == ':'
        && time.charAt(16) == ':'
        && time.charAt(length - 1) == 'Z'
        && (length == 20 || (time.charAt(19) == '.' && length <= 30 && length > 21))) {
      try {
        int nanos = 0;
        for (int i = 20; i < length - 1; i++) {
          nanos = nanos * 10 + digit(time, i);
        }
        for (int i = length - 1; i < 29; i++) {
          nanos *= 10;
        }
        return LocalDateTime.of(
                number(time, 0, 4),
                number(time, 5, 7),
                number(time, 8, 10),
                number(time, 11, 13),
                number(time, 14, 16),
                number(time, 17, 19),
                length == 20 ? 0 : nanos)
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeException | NumberFormatException e) {
        // not the common form after all
      }
    }
    return Instant.parse(time);
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + digit(text, i);
    }
    return value;
  }

  private static int digit(String text, int index) {
    int digit = text.charAt(index) - '0';
    if (digit < 0 || digit > 9) {
      throw new NumberFormatException(text);
    }
    return digit;
  }

  private static @Nullable String text(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case byte[] bytes -> utf8(bytes);
      default -> value.toString();
    };
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static @Nullable String emptyToNull(@Nullable String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
    return first != null ? first : blankToNull(second);
  }
}
