package io.brighter.handlers.featureswitch;

import io.brighter.ConfigurationException;
import io.brighter.RequestContext;
import io.brighter.actions.DontAckAction;
import io.brighter.handlers.FeatureSwitch;
import io.brighter.handlers.FeatureSwitchStatus;

/**
 * A {@link FeatureSwitch} as configured on one handler, read once per handler class.
 *
 * @param config on, off, or ask the registry
 * @param dontAck throw {@link DontAckAction} when off
 * @param targetHandler the handler switched
 */
public record FeatureSwitchSettings(
    FeatureSwitchStatus config, boolean dontAck, Class<?> targetHandler) {

  /** The settings {@code annotation} on {@code targetHandler} asks for. */
  public static FeatureSwitchSettings of(FeatureSwitch annotation, Class<?> targetHandler) {
    return new FeatureSwitchSettings(annotation.config(), annotation.dontAck(), targetHandler);
  }

  /** Whether the rest of the pipeline runs for this request. */
  public boolean isOn(RequestContext context) {
    FeatureSwitchStatus status = config;
    if (status == FeatureSwitchStatus.CONFIG) {
      status =
          context
              .featureSwitches()
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          "@FeatureSwitch(config = CONFIG) on "
                              + targetHandler.getName()
                              + " needs a FeatureSwitchRegistry: pass one to"
                              + " CommandProcessor.builder().featureSwitches(...)"))
              .statusOf(targetHandler);
    }
    return status != FeatureSwitchStatus.OFF;
  }

  /** Thrown when off and the message should stay on its channel. */
  public DontAckAction switchedOff() {
    return new DontAckAction(
        "Feature switch is off for "
            + targetHandler.getSimpleName()
            + "; message left unacknowledged");
  }
}
