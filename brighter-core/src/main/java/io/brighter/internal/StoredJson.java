package io.brighter.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.brighter.Request;
import io.brighter.messaging.internal.BrighterJson;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the inboxes and outboxes store: requests and message header bags, written and read with
 * Brighter's Jackson configuration, with the same errors in every back end. Not part of the public
 * API.
 */
public final class StoredJson {

  private static final TypeReference<Map<String, Object>> BAG = new TypeReference<>() {};

  private StoredJson() {}

  /** {@code request} as JSON for an inbox. */
  public static String requestToJson(Request request) {
    try {
      return BrighterJson.writer().writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write " + request.getClass().getName() + " as JSON for the inbox", e);
    }
  }

  /** The request of {@code type} an inbox stored as {@code json}. */
  public static <T> T requestFromJson(String json, Class<T> type) {
    try {
      return BrighterJson.reader().forType(type).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot read " + type.getName() + " back from the inbox's JSON", e);
    }
  }

  /** A message header bag as JSON for an outbox. */
  public static String bagToJson(Map<String, Object> bag) {
    try {
      return BrighterJson.writer().writeValueAsString(bag);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the header bag as JSON: " + bag.keySet(), e);
    }
  }

  /** The header bag an outbox stored as {@code json}; empty for none, null values left out. */
  public static Map<String, Object> bagFromJson(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> bag = BrighterJson.reader().forType(BAG).readValue(json);
      if (bag == null) {
        return Map.of();
      }
      bag.values().removeIf(Objects::isNull);
      return bag;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read the header bag JSON of a stored message", e);
    }
  }
}
