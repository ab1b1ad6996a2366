package io.brighter.outbox;

import io.brighter.internal.Settings;
import java.time.Duration;

/**
 * How one sweep of the outbox runs: every setting of the sweeper but its interval, in one place.
 *
 * {@snippet :
 * SweepSettings settings = SweepSettings.DEFAULT
 *     .withMinimumAge(Duration.ofSeconds(10))
 *     .withBatchSize(500);
 * }
 *
 * @param minimumAge how long a message must have been outstanding before a sweep sends it, so it
 *     does not race the immediate send of {@code post}
 * @param batchSize the most messages one sweep claims and sends
 * @param lease how long a sweep claims its messages, so other sweepers skip them; also the most it
 *     waits for the broker's word on what it sent
 * @param topicCooldownSweeps for how many sweeps a topic whose send failed (at once, or when the
 *     broker refused it) is left out; 0 never leaves one out
 */
public record SweepSettings(
    Duration minimumAge, int batchSize, Duration lease, int topicCooldownSweeps) {

  /** Five seconds' age, batches of 100, a 30-second lease, three sweeps of cool-down. */
  public static final SweepSettings DEFAULT =
      new SweepSettings(Duration.ofSeconds(5), 100, Duration.ofSeconds(30), 3);

  /**
   * Checks every part.
   *
   * @throws io.brighter.ConfigurationException naming the part that is missing or out of range
   */
  public SweepSettings {
    Settings.notNegative(minimumAge, "OutboxSweeper.minimumAge");
    Settings.atLeast(batchSize, 1, "OutboxSweeper.batchSize");
    Settings.positive(lease, "OutboxSweeper.lease");
    Settings.atLeast(topicCooldownSweeps, 0, "OutboxSweeper.topicCooldownSweeps");
  }

  /** These settings with a minimum age of {@code value}. */
  public SweepSettings withMinimumAge(Duration value) {
    return new SweepSettings(value, batchSize, lease, topicCooldownSweeps);
  }

  /** These settings with batches of {@code value}. */
  public SweepSettings withBatchSize(int value) {
    return new SweepSettings(minimumAge, value, lease, topicCooldownSweeps);
  }

  /** These settings with a lease of {@code value}. */
  public SweepSettings withLease(Duration value) {
    return new SweepSettings(minimumAge, batchSize, value, topicCooldownSweeps);
  }

  /** These settings with a cool-down of {@code value} sweeps. */
  public SweepSettings withTopicCooldownSweeps(int value) {
    return new SweepSettings(minimumAge, batchSize, lease, value);
  }
}
