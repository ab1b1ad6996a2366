package io.brighter.operations;

import java.time.Duration;
import java.util.List;

/**
 * The outbox as {@link BrighterOperations#outbox()} reports it.
 *
 * @param outstanding messages not yet dispatched
 * @param topics each topic with outstanding messages: how many, and the oldest's age
 * @param complete whether {@code topics} counts every outstanding message; false when there were
 *     more than the operations scan
 * @param sentSinceStart messages sent since the service started, when message counters are given
 * @param archivedSinceStart dispatched messages archived since the service started, when the
 *     archiver is given
 */
public record OutboxReport(
    long outstanding,
    List<TopicBacklog> topics,
    boolean complete,
    long sentSinceStart,
    long archivedSinceStart) {

  /** Copies the list. */
  public OutboxReport {
    topics = List.copyOf(topics);
  }

  /**
   * One topic's outstanding messages.
   *
   * @param topic the topic
   * @param outstanding how many wait
   * @param oldestAge how long the oldest has waited
   */
  public record TopicBacklog(String topic, long outstanding, Duration oldestAge) {}
}
