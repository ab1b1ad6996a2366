package io.brighter.benchmarks.faults;

import java.util.Locale;

/**
 * One row of the matrix.
 *
 * @param scenario what was done to which process
 * @param transport the broker
 * @param deposited messages stored in the outbox
 * @param delivered different messages that reached the handler's pipeline
 * @param lost messages whose effect never happened (must be 0)
 * @param duplicatesSeen deliveries to the pipeline beyond the first of each message
 * @param duplicatesAfterInbox effects beyond the first of each message (must be 0)
 * @param requeued messages the handler deferred once (requeued with a delay)
 * @param recoveryMillis from the fault (the kill, or the broker going away) until the last effect
 */
record FaultRow(
    String scenario,
    FaultTransport transport,
    long deposited,
    long delivered,
    long lost,
    long duplicatesSeen,
    long duplicatesAfterInbox,
    long requeued,
    long recoveryMillis) {

  static final String HEADER =
      "| scenario | transport | deposited | distinct delivered | lost | duplicates seen by the"
          + " handler | duplicates after the inbox | delayed requeues | fault to last effect, s |\n"
          + "|---|---|---:|---:|---:|---:|---:|---:|---:|";

  /** Whether nothing was lost and the inbox let no duplicate through. */
  boolean kept() {
    return lost == 0 && duplicatesAfterInbox == 0;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d | %d | %d | %d | %d | %d | %.1f |",
        scenario,
        transport,
        deposited,
        delivered,
        lost,
        duplicatesSeen,
        duplicatesAfterInbox,
        requeued,
        recoveryMillis / 1000.0);
  }
}
