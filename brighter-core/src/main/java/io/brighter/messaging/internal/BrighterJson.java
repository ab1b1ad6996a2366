package io.brighter.messaging.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.internal.Settings;
import java.io.IOException;

/**
 * The one Jackson configuration Brighter writes messages with: records, {@code java.time} values as
 * ISO-8601 text, unknown properties ignored on read, and {@link Id} as a plain JSON string. Not
 * part of the public API.
 *
 * <p>The mapper itself is never handed out, so nobody can reconfigure it (turn on default typing,
 * say) under every other user: callers get an immutable {@link ObjectReader} or {@link
 * ObjectWriter}, or a {@link #copy()} of their own.
 */
public final class BrighterJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(idModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private static final ObjectReader READER = MAPPER.reader();
  private static final ObjectWriter WRITER = MAPPER.writer();

  private BrighterJson() {}

  /** Reads with the shared configuration; narrow it with {@link ObjectReader#forType}. */
  public static ObjectReader reader() {
    return READER;
  }

  /** Writes with the shared configuration. */
  public static ObjectWriter writer() {
    return WRITER;
  }

  /** A mapper of the caller's own with the shared configuration, to extend. */
  public static ObjectMapper copy() {
    return MAPPER.copy();
  }

  /**
   * {@code mapper}, unless it reads polymorphic types named by the JSON (Jackson's default typing),
   * which would let a message's sender choose the classes it instantiates.
   *
   * @throws ConfigurationException when default typing is on
   */
  public static ObjectMapper withoutDefaultTyping(ObjectMapper mapper, String property) {
    if (mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(Object.class))
        != null) {
      throw Settings.invalid(
          property,
          "has default typing activated: a message could name the classes it is read into; use"
              + " a mapper without activateDefaultTyping, and @JsonTypeInfo where a field is"
              + " polymorphic");
    }
    return mapper;
  }

  /** A module that writes an {@link Id} as its text and reads it back, also as a map key. */
  public static SimpleModule idModule() {
    SimpleModule module = new SimpleModule("BrighterId");
    module.addSerializer(Id.class, new IdSerializer());
    module.addDeserializer(Id.class, new IdDeserializer());
    module.addKeyDeserializer(Id.class, new IdKeyDeserializer());
    return module;
  }

  private static final class IdSerializer extends StdScalarSerializer<Id> {
    private static final long serialVersionUID = 1L;

    IdSerializer() {
      super(Id.class);
    }

    @Override
    public void serialize(Id id, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(id.value());
    }
  }

  private static final class IdDeserializer extends StdScalarDeserializer<Id> {
    private static final long serialVersionUID = 1L;

    IdDeserializer() {
      super(Id.class);
    }

    @Override
    public Id deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
        return (Id) context.handleUnexpectedToken(Id.class, parser);
      }
      return Id.of(parser.getText());
    }
  }

  private static final class IdKeyDeserializer extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext context) {
      return Id.of(key);
    }
  }
}
