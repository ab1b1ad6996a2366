package io.brighter.messaging.wire;

import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.RejectionReason;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for what a dead-letter copy carries besides the message's own headers, whichever
 * transport writes it: {@link HeaderNames#REJECTION_REASON} (the reason's text), {@link
 * HeaderNames#ORIGINAL_TOPIC}, {@link HeaderNames#ORIGINAL_TYPE}, {@link
 * HeaderNames#REJECTION_TIMESTAMP} and, for a message that could not be read, {@link
 * HeaderNames#UNREADABLE_REASON}. An operator (or a re-drive) reads where it came from and why.
 *
 * {@snippet :
 * RejectionHeaders.of(message, reason, clock.instant()).forEach(headers::put);
 * }
 */
public final class RejectionHeaders {

  /**
   * The headers every dead-letter copy carries beside the message's own, whatever the transport:
   * what a re-drive takes off again.
   */
  public static final Set<String> NAMES =
      Set.of(
          HeaderNames.REJECTION_REASON,
          HeaderNames.ORIGINAL_TOPIC,
          HeaderNames.ORIGINAL_TYPE,
          HeaderNames.REJECTION_TIMESTAMP);

  private RejectionHeaders() {}

  /** The headers to add to the dead-letter copy of {@code message}, rejected for {@code reason}. */
  public static Map<String, String> of(Message message, RejectionReason reason, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HeaderNames.REJECTION_REASON, reason.text());
    headers.put(HeaderNames.ORIGINAL_TOPIC, message.header().topic().value());
    headers.put(HeaderNames.ORIGINAL_TYPE, WireMessageType.write(message.header().messageType()));
    headers.put(HeaderNames.REJECTION_TIMESTAMP, now.toString());
    Object unreadable = message.header().bag().get(HeaderNames.UNREADABLE_REASON);
    if (unreadable != null) {
      headers.put(HeaderNames.UNREADABLE_REASON, unreadable.toString());
    }
    return headers;
  }
}
