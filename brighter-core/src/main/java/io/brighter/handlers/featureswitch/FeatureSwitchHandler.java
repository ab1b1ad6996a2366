package io.brighter.handlers.featureswitch;

import io.brighter.Request;
import io.brighter.handlers.FeatureSwitch;
import io.brighter.handlers.PreparedBy;
import io.brighter.handlers.RequestHandler;
import org.jspecify.annotations.Nullable;

/**
 * The handler inserted by {@link FeatureSwitch}: passes the request on only when the switch is on.
 * When off it returns the request untouched, or throws {@link io.brighter.actions.DontAckAction}
 * when the annotation says {@code dontAck = true}.
 *
 * @param <T> the request type
 */
public final class FeatureSwitchHandler<T extends Request> extends RequestHandler<T>
    implements PreparedBy<FeatureSwitch, FeatureSwitchSettings> {

  private @Nullable FeatureSwitchSettings settings;

  @Override
  public FeatureSwitchSettings prepare(FeatureSwitch annotation, Class<?> targetHandler) {
    return FeatureSwitchSettings.of(annotation, targetHandler);
  }

  @Override
  public void configure(FeatureSwitchSettings prepared) {
    settings = prepared;
  }

  @Override
  public T handle(T request) {
    FeatureSwitchSettings configured = settings;
    if (configured == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    if (configured.isOn(context())) {
      return super.handle(request);
    }
    if (configured.dontAck()) {
      throw configured.switchedOff();
    }
    return request;
  }
}
