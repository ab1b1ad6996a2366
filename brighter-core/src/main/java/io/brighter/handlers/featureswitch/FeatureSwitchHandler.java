package io.brighter.handlers.featureswitch;

import io.brighter.Request;
import io.brighter.handlers.FeatureSwitch;
import io.brighter.handlers.PreparedRequestHandler;

/**
 * The handler inserted by {@link FeatureSwitch}: passes the request on only when the switch is on.
 * When off it returns the request untouched, or throws {@link io.brighter.actions.DontAckAction}
 * when the annotation says {@code dontAck = true}.
 *
 * @param <T> the request type
 */
public final class FeatureSwitchHandler<T extends Request>
    extends PreparedRequestHandler<T, FeatureSwitch, FeatureSwitchSettings> {

  @Override
  public FeatureSwitchSettings prepare(FeatureSwitch annotation, Class<?> targetHandler) {
    return FeatureSwitchSettings.of(annotation, targetHandler);
  }

  @Override
  public T handle(T request) {
    FeatureSwitchSettings configured = settings();
    if (configured.isOn(context())) {
      return super.handle(request);
    }
    if (configured.dontAck()) {
      throw configured.switchedOff();
    }
    return request;
  }
}
