package io.brighter.benchmarks.faults;

/**
 * What scenario 6 does to a message it publishes with a raw client, and whether the message stays
 * valid: a valid one must reach its handler once, an invalid one must be dead-lettered (or sent to
 * the invalid-message channel) with a reason. The rules follow the header codec's: lenient where a
 * value can be missing, strict where it is wrong.
 */
enum FuzzKind {
  /** Every header Brighter writes, a JSON body. */
  FULL(true),
  /** No Brighter header at all: the id is made up, the type is an event. */
  BARE(true),
  /**
   * Unknown headers of random names holding text, bytes or nothing, and times that cannot be read
   * (which fall back to the transport's).
   */
  NOISY(true),
  /** A body without the request's id, which is read with the message's id. */
  NO_REQUEST_ID(true),
  /** An unknown header of {@value FuzzMessages#HUGE_HEADER_BYTES} bytes. */
  HUGE_HEADER(true),
  /** Random bytes for a body. */
  RANDOM_BYTES(false),
  /** The JSON body cut short. */
  TRUNCATED_JSON(false),
  /** An empty body. */
  EMPTY_BODY(false),
  /** The JSON literal {@code null} for a body. */
  JSON_NULL(false),
  /** JSON of another shape: an array, a string, a number where the record wants an object. */
  WRONG_JSON(false),
  /** A {@code MessageType} that is no type. */
  GARBAGE_TYPE(false),
  /** A {@code MessageType} of bytes that are not UTF-8. */
  BINARY_TYPE(false),
  /** {@code MT_QUIT} or {@code MT_NONE}, which never come from a channel. */
  QUIT_TYPE(false),
  /** A CloudEvents type the subscription maps to no request type. */
  UNKNOWN_TYPE(false),
  /** A {@code HandledCount} that is not a whole number from 0. */
  GARBAGE_COUNT(false),
  /** A delay that is not a whole number. */
  GARBAGE_DELAY(false),
  /** A huge unknown header and random bytes for a body: the dead-letter copy must still go. */
  HUGE_HEADER_BAD_BODY(false),
  /** {@value FuzzMessages#HUGE_BODY_BYTES} random bytes for a body. */
  HUGE_BODY(false);

  private final boolean valid;

  FuzzKind(boolean valid) {
    this.valid = valid;
  }

  /** Whether a message of this kind must reach its handler. */
  boolean valid() {
    return valid;
  }
}
