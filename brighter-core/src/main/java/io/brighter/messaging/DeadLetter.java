package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.messaging.wire.RejectionHeaders;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message in a dead-letter queue, with what its rejection headers say: why it was rejected, the
 * topic it was rejected from, when, and how many times it was re-driven before.
 *
 * @param message the dead-lettered message as the queue holds it
 * @param reason why it was rejected, when it says
 * @param originalTopic the topic it was rejected from, when it says
 * @param rejectedAt when it was rejected, when it says
 * @param redriveCount how many times it was re-driven before
 */
public record DeadLetter(
    Message message,
    @Nullable String reason,
    @Nullable RoutingKey originalTopic,
    @Nullable Instant rejectedAt,
    int redriveCount) {

  /** Checks the message. */
  public DeadLetter {
    requireNonNull(message, "message must not be null");
  }

  /** Reads the rejection headers of {@code message}. */
  public static DeadLetter of(Message message) {
    Map<String, Object> bag = message.header().bag();
    Object topic = bag.get(HeaderNames.ORIGINAL_TOPIC);
    return new DeadLetter(
        message,
        text(bag.get(HeaderNames.REJECTION_REASON)),
        topic == null || topic.toString().isBlank() ? null : RoutingKey.of(topic.toString()),
        instant(bag.get(HeaderNames.REJECTION_TIMESTAMP)),
        count(bag.get(HeaderNames.REDRIVE_COUNT)));
  }

  /** The message's id. */
  public Id id() {
    return message.id();
  }

  /** Whether it can be re-driven: it says which topic it came from. */
  public boolean redrivable() {
    return originalTopic != null;
  }

  /**
   * The copy that goes back to the original topic: the same id and body, the rejection headers
   * removed, the handled count back at zero (a new delivery budget), and {@link
   * HeaderNames#REDRIVE_COUNT} one more than before.
   *
   * @throws IllegalStateException when the message does not say where it came from
   */
  public Message redriveCopy() {
    RoutingKey topic = originalTopic;
    if (topic == null) {
      throw new IllegalStateException(
          "Dead letter " + id() + " does not say which topic it came from; it cannot be re-driven");
    }
    MessageHeader.Builder header = message.header().toBuilder().topic(topic).handledCount(0);
    RejectionHeaders.NAMES.forEach(header::removeBagEntry);
    header.bagEntry(HeaderNames.REDRIVE_COUNT, Integer.toString(redriveCount + 1));
    return new Message(header.build(), message.body());
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  private static @Nullable Instant instant(@Nullable Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    try {
      return value == null ? null : Instant.parse(value.toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int count(@Nullable Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return value == null ? 0 : Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
