package io.brighter.outbox;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import java.time.Duration;

/**
 * How much an {@link InMemoryOutbox} keeps, like .NET Brighter's {@code InMemoryBoxConfiguration}.
 * Only dispatched messages are ever dropped: an outstanding message stays until it is dispatched or
 * deleted, so the store may grow past {@link #entryLimit()} while everything in it is outstanding
 * (the producer mediator's outstanding limit is the back-pressure for that case).
 *
 * {@snippet :
 * InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC(),
 *     InMemoryOutboxOptions.DEFAULT.withEntryLimit(10_000).withDispatchedTimeToLive(Duration.ofHours(1)));
 * }
 *
 * @param entryLimit when an add would make the store hold more entries than this, the oldest
 *     dispatched entries (by the store's clock at the time they were marked) are dropped first
 * @param dispatchedTimeToLive how long a message is kept after it was marked dispatched, measured
 *     with the store's clock from the call to {@code markDispatched}
 */
public record InMemoryOutboxOptions(int entryLimit, Duration dispatchedTimeToLive) {

  /** 2048 entries, dispatched messages kept five minutes: the .NET defaults. */
  public static final InMemoryOutboxOptions DEFAULT =
      new InMemoryOutboxOptions(2048, Duration.ofMinutes(5));

  /** No entry limit and no expiry: nothing is dropped until it is deleted. */
  public static final InMemoryOutboxOptions UNBOUNDED =
      new InMemoryOutboxOptions(Integer.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE));

  /** Checks the limit is positive and the time to live present and positive. */
  public InMemoryOutboxOptions {
    requireNonNull(dispatchedTimeToLive, "dispatchedTimeToLive must not be null");
    if (entryLimit < 1) {
      throw new ConfigurationException(
          "InMemoryOutboxOptions.entryLimit must be positive: " + entryLimit);
    }
    if (dispatchedTimeToLive.isNegative() || dispatchedTimeToLive.isZero()) {
      throw new ConfigurationException(
          "InMemoryOutboxOptions.dispatchedTimeToLive must be positive: " + dispatchedTimeToLive);
    }
  }

  /** These options with {@code limit} entries at most. */
  public InMemoryOutboxOptions withEntryLimit(int limit) {
    return new InMemoryOutboxOptions(limit, dispatchedTimeToLive);
  }

  /** These options keeping dispatched messages for {@code timeToLive}. */
  public InMemoryOutboxOptions withDispatchedTimeToLive(Duration timeToLive) {
    return new InMemoryOutboxOptions(entryLimit, timeToLive);
  }
}
