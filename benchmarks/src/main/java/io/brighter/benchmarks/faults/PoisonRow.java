package io.brighter.benchmarks.faults;

import java.util.Locale;

/**
 * The row of scenario 6 (poison and fuzz) on one transport.
 *
 * @param transport the broker
 * @param published messages published with the raw client
 * @param valid of which valid: each must reach its handler once
 * @param handled valid messages whose effect happened
 * @param duplicatesAfterInbox effects beyond the first of a message (must be 0)
 * @param invalid messages published invalid: each must be dead-lettered with a reason
 * @param deadLettered invalid messages found on a dead-letter or invalid-message channel with a
 *     reason
 * @param misfiled valid messages dead-lettered, invalid ones handled, and dead letters without a
 *     reason (must be 0)
 * @param unsettled messages the consumer left unacknowledged or uncommitted (must be 0)
 * @param pumpDeaths message pumps that ended with an error (must be 0)
 * @param uncaught exceptions that reached a thread's uncaught-exception handler (must be 0)
 * @param elapsedMillis from the first publish until every message was handled or dead-lettered
 */
record PoisonRow(
    FaultTransport transport,
    long published,
    long valid,
    long handled,
    long duplicatesAfterInbox,
    long invalid,
    long deadLettered,
    long misfiled,
    long unsettled,
    long pumpDeaths,
    long uncaught,
    long elapsedMillis) {

  static final String HEADER =
      "| transport | published | valid | handled once | duplicates after the inbox | invalid |"
          + " dead-lettered with a reason | misfiled | left unsettled | pumps died | uncaught"
          + " exceptions | s |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

  /** Whether every message went where it should and the consumer stayed whole. */
  boolean kept() {
    return handled == valid
        && duplicatesAfterInbox == 0
        && deadLettered == invalid
        && misfiled == 0
        && unsettled == 0
        && pumpDeaths == 0
        && uncaught == 0;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f |",
        transport,
        published,
        valid,
        handled,
        duplicatesAfterInbox,
        invalid,
        deadLettered,
        misfiled,
        unsettled,
        pumpDeaths,
        uncaught,
        elapsedMillis / 1000.0);
  }
}
