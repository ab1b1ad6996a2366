package io.brighter.featureswitch;

/** What a {@link FeatureSwitchRegistry} answers for a handler it has no setting for. */
public enum MissingConfigStrategy {
  /** Treat the handler as switched on. */
  SILENT_ON,
  /** Treat the handler as switched off. */
  SILENT_OFF,
  /** Fail with a {@link io.brighter.ConfigurationException} naming the handler. */
  EXCEPTION
}
