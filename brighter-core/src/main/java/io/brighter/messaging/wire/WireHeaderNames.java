package io.brighter.messaging.wire;

import static java.util.Objects.requireNonNull;

import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One transport's names for the {@link HeaderField}s it carries as headers: the table a {@link
 * HeaderCodec} writes and reads by. A field with no name is carried elsewhere (an AMQP property, a
 * record key) or not at all. A field may have a second, older name, written beside the first and
 * read when the first is missing. Every name is reserved: a bag entry of that name is not written.
 *
 * {@snippet :
 * static final WireHeaderNames NAMES = WireHeaderNames.builder()
 *     .name(HeaderField.MESSAGE_TYPE, "MessageType")
 *     .name(HeaderField.TOPIC, "Topic")
 *     .name(HeaderField.CLOUD_EVENTS_ID, "ce_id")
 *     .timestamp("TimeStamp", DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT))
 *     .build();
 * }
 *
 * <p>Immutable and thread-safe.
 */
public final class WireHeaderNames {

  private final Map<HeaderField, String> names;
  private final Map<HeaderField, String> aliases;
  private final @Nullable DateTimeFormatter timestampFormat;
  private final Set<String> reserved;

  private WireHeaderNames(Builder builder) {
    this.names = Collections.unmodifiableMap(new EnumMap<>(builder.names));
    this.aliases = Collections.unmodifiableMap(new EnumMap<>(builder.aliases));
    this.timestampFormat = builder.timestampFormat;
    Set<String> all = new HashSet<>(names.values());
    all.addAll(aliases.values());
    this.reserved = Set.copyOf(all);
  }

  /** An empty table to fill. */
  public static Builder builder() {
    return new Builder();
  }

  /** The header name of {@code field}, or null when the transport does not carry it as a header. */
  public @Nullable String name(HeaderField field) {
    return names.get(field);
  }

  /** The older name of {@code field}, written beside {@link #name} and read after it; or null. */
  public @Nullable String alias(HeaderField field) {
    return aliases.get(field);
  }

  /** The text form of {@link HeaderField#TIMESTAMP}, when the transport carries it. */
  @Nullable DateTimeFormatter timestampFormat() {
    return timestampFormat;
  }

  /** Whether {@code header} carries a field (or is otherwise the transport's), not a bag entry. */
  public boolean reserved(String header) {
    return reserved.contains(header);
  }

  /** Fills a {@link WireHeaderNames}. */
  public static final class Builder {
    private final Map<HeaderField, String> names = new EnumMap<>(HeaderField.class);
    private final Map<HeaderField, String> aliases = new EnumMap<>(HeaderField.class);
    private @Nullable DateTimeFormatter timestampFormat;

    private Builder() {}

    /** Carries {@code field} as the header {@code name}. */
    public Builder name(HeaderField field, String name) {
      if (field == HeaderField.TIMESTAMP) {
        throw new IllegalArgumentException("the timestamp needs a format: use timestamp()");
      }
      names.put(requireNonNull(field, "field"), requireNonNull(name, "name"));
      return this;
    }

    /**
     * Also writes {@code field} as the header {@code alias}, and reads it when the name is absent.
     */
    public Builder alias(HeaderField field, String alias) {
      aliases.put(requireNonNull(field, "field"), requireNonNull(alias, "alias"));
      return this;
    }

    /** Carries the message's time as the header {@code name}, in {@code format} (UTC). */
    public Builder timestamp(String name, DateTimeFormatter format) {
      names.put(HeaderField.TIMESTAMP, requireNonNull(name, "name"));
      this.timestampFormat = requireNonNull(format, "format");
      return this;
    }

    /** The table. */
    public WireHeaderNames build() {
      return new WireHeaderNames(this);
    }
  }
}
