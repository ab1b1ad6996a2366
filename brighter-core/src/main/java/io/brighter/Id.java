package io.brighter;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The identity of a request or message.
 *
 * <p>{@link #random()} makes a time-ordered UUID (version 7) so ids sort by creation time, which
 * keeps database indexes on ids compact. {@link #of(String)} wraps an id that arrived from
 * elsewhere; any non-blank text is accepted so ids from other systems round-trip unchanged.
 *
 * @param value the id's text, never blank
 */
public record Id(String value) implements Comparable<Id> {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Checks that the value is present and not blank. */
  public Id {
    requireNonNull(value, "value must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an Id may not be blank");
    }
  }

  /** Wraps existing id text. */
  public static Id of(String value) {
    return new Id(value);
  }

  /** A new time-ordered (version 7) UUID id. */
  public static Id random() {
    return new Id(uuidV7(System.currentTimeMillis()).toString());
  }

  static UUID uuidV7(long epochMillis) {
    long randomA = RANDOM.nextLong();
    long randomB = RANDOM.nextLong();
    long mostSignificant = (epochMillis << 16) | 0x7000L | (randomA & 0x0FFFL);
    long leastSignificant = (randomB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(mostSignificant, leastSignificant);
  }

  @Override
  public int compareTo(Id other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
