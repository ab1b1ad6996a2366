package io.brighter.testing.transport;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A delivery as a publisher that is not Brighter could put it on a broker: header values of its own
 * choosing and a body, nothing checked. {@link TransportContract}'s poison cases hand these to
 * {@link TransportContract#publishRaw}, which publishes them with the broker's own client.
 *
 * <p>The header fields Brighter reads are given as {@link Field}s, which each transport puts under
 * its own wire name ({@link #wireHeaders}); other headers go under the names given.
 *
 * {@snippet :
 * Map<String, String> headers = delivery.wireHeaders(field -> switch (field) {
 *   case MESSAGE_ID -> "cloudEvents_id";
 *   case MESSAGE_TYPE -> "MessageType";
 *   case TOPIC -> "Topic";
 *   case HANDLED_COUNT -> "HandledCount";
 * });
 * }
 *
 * @param fields values of the header fields Brighter reads, by field
 * @param headers other headers, by name
 * @param body the body bytes
 */
public record RawDelivery(Map<Field, String> fields, Map<String, String> headers, byte[] body) {

  /** A header field Brighter reads, whose wire name is the transport's. */
  public enum Field {
    /** The message id (a header a transport reads the id from, not a property). */
    MESSAGE_ID,
    /** The message type, e.g. {@code MT_EVENT}. */
    MESSAGE_TYPE,
    /** The topic. */
    TOPIC,
    /** The handled count. */
    HANDLED_COUNT
  }

  /** Copies the maps. */
  public RawDelivery {
    fields = Map.copyOf(requireNonNull(fields, "fields must not be null"));
    headers = Map.copyOf(requireNonNull(headers, "headers must not be null"));
    requireNonNull(body, "body must not be null");
  }

  /** Every header under its wire name: each field under {@code wireName}'s name for it. */
  public Map<String, String> wireHeaders(Function<Field, String> wireName) {
    Map<String, String> all = new HashMap<>(headers);
    fields.forEach((field, value) -> all.put(wireName.apply(field), value));
    return all;
  }
}
