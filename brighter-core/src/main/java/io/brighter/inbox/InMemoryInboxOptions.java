package io.brighter.inbox;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import java.time.Duration;

/**
 * How much an {@link InMemoryInbox} keeps, like .NET Brighter's {@code InMemoryBoxConfiguration}.
 *
 * {@snippet :
 * InMemoryInbox inbox = new InMemoryInbox(Clock.systemUTC(),
 *     InMemoryInboxOptions.DEFAULT.withEntryLimit(10_000).withTimeToLive(Duration.ofHours(1)));
 * }
 *
 * @param entryLimit when an add would make the inbox hold more entries than this, the oldest go
 * @param timeToLive how long an entry is kept after it was added, measured with the inbox's clock
 */
public record InMemoryInboxOptions(int entryLimit, Duration timeToLive) {

  /** 2048 entries, each kept five minutes: the .NET defaults. */
  public static final InMemoryInboxOptions DEFAULT =
      new InMemoryInboxOptions(2048, Duration.ofMinutes(5));

  /** Checks the limit is positive and the time to live present and positive. */
  public InMemoryInboxOptions {
    requireNonNull(timeToLive, "timeToLive must not be null");
    if (entryLimit < 1) {
      throw new ConfigurationException(
          "InMemoryInboxOptions.entryLimit must be positive: " + entryLimit);
    }
    if (timeToLive.isNegative() || timeToLive.isZero()) {
      throw new ConfigurationException(
          "InMemoryInboxOptions.timeToLive must be positive: " + timeToLive);
    }
  }

  /** These options with {@code limit} entries at most. */
  public InMemoryInboxOptions withEntryLimit(int limit) {
    return new InMemoryInboxOptions(limit, timeToLive);
  }

  /** These options keeping entries for {@code ttl}. */
  public InMemoryInboxOptions withTimeToLive(Duration ttl) {
    return new InMemoryInboxOptions(entryLimit, ttl);
  }
}
