package io.brighter.messaging.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.brighter.Id;
import java.io.IOException;

/**
 * The one Jackson configuration Brighter writes messages with: records, {@code java.time} values as
 * ISO-8601 text, unknown properties ignored on read, and {@link Id} as a plain JSON string. Not
 * part of the public API.
 */
public final class BrighterJson {

  /** Configured once; an {@link ObjectMapper} is thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(idModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private BrighterJson() {}

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
