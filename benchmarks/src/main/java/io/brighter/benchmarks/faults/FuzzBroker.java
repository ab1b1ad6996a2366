package io.brighter.benchmarks.faults;

import java.io.IOException;
import java.util.Map;

/**
 * Scenario 6's raw view of one broker: it publishes fuzzed messages with the vendor's client, reads
 * the dead-letter channels back and counts what the consumer left unsettled, without Brighter in
 * between.
 */
interface FuzzBroker extends AutoCloseable {

  /** Publishes {@code message} to the run's topic. */
  void publish(FuzzMessage message) throws Exception;

  /** Waits until the broker holds every message published. */
  void flush() throws Exception;

  /**
   * The dead letters seen so far, by sequence number, each with its rejection reason (empty when
   * the copy carries none); reads what arrived since the last call.
   */
  Map<Integer, String> deadLetters() throws Exception;

  /** How many dead-letter copies were read in all, duplicates included. */
  long deadLetterCopies();

  /** How many messages of the run's topic the consumer has not settled (not acked or committed). */
  long unsettled() throws Exception;

  @Override
  void close() throws IOException;
}
