package io.brighter.benchmarks.faults;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message scenario 6 publishes with a raw client, as its broker's client takes it.
 *
 * @param sequence its number in the run, also in its {@value FuzzMessages#SEQUENCE} header
 * @param kind what was done to it
 * @param workId the id of the request a valid message carries; null for an invalid one
 * @param headers its headers in order; a value is text, bytes, a number or nothing
 * @param body its body
 */
record FuzzMessage(
    int sequence, FuzzKind kind, @Nullable String workId, List<Header> headers, byte[] body) {

  /** One header as it goes on the wire. */
  record Header(String name, @Nullable Object value) {}
}
