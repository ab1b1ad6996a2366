package io.brighter.featureswitch;

import io.brighter.handlers.FeatureSwitchStatus;

/**
 * Says whether a handler guarded by {@code @FeatureSwitch(config = CONFIG)} is switched on. It is
 * asked for every request, so an implementation backed by live configuration can flip a switch
 * while the service runs.
 *
 * {@snippet :
 * FeatureSwitchRegistry switches = FeatureSwitchRegistry.builder()
 *     .status(AddGreetingHandler.class, FeatureSwitchStatus.ON)
 *     .status(SendWelcomeMail.class, FeatureSwitchStatus.OFF)
 *     .missingConfig(MissingConfigStrategy.SILENT_ON)
 *     .build();
 * }
 *
 * <p>Implementations must be thread-safe and quick: they sit on the request path.
 */
public interface FeatureSwitchRegistry {

  /**
   * {@link FeatureSwitchStatus#ON} or {@link FeatureSwitchStatus#OFF} for {@code handlerType}.
   *
   * @throws io.brighter.ConfigurationException when the handler has no setting and the registry's
   *     strategy is {@link MissingConfigStrategy#EXCEPTION}
   */
  FeatureSwitchStatus statusOf(Class<?> handlerType);

  /** A builder for a fixed, in-memory registry. */
  static InMemoryFeatureSwitchRegistry.Builder builder() {
    return new InMemoryFeatureSwitchRegistry.Builder();
  }
}
