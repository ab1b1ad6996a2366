package io.brighter.messaging;

/** What a producer or consumer does when its topic or queue does not exist on the broker. */
public enum OnMissingChannel {
  /** Create it. */
  CREATE,
  /** Check that it exists and fail with a configuration error if it does not. */
  VALIDATE,
  /** Assume it exists and check nothing: the fastest start, for infrastructure made elsewhere. */
  ASSUME
}
