package io.brighter.handlers;

/**
 * Whether a handler behind {@link FeatureSwitch} runs.
 *
 * <ul>
 *   <li>{@link #ON}: always runs.
 *   <li>{@link #OFF}: never runs; the request is acknowledged and dropped (or not acknowledged,
 *       with {@code dontAck = true}).
 *   <li>{@link #CONFIG}: asks the {@link io.brighter.featureswitch.FeatureSwitchRegistry} each
 *       time, so the switch can be flipped while the service runs.
 * </ul>
 */
public enum FeatureSwitchStatus {
  /** The handler runs. */
  ON,
  /** The handler does not run. */
  OFF,
  /** The registry decides at each request. */
  CONFIG
}
