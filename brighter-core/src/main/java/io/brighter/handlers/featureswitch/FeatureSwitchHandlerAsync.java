package io.brighter.handlers.featureswitch;

import io.brighter.Request;
import io.brighter.handlers.FeatureSwitch;
import io.brighter.handlers.PreparedRequestHandlerAsync;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by {@link FeatureSwitch}; see {@link FeatureSwitchHandler}.
 *
 * @param <T> the request type
 */
public final class FeatureSwitchHandlerAsync<T extends Request>
    extends PreparedRequestHandlerAsync<T, FeatureSwitch, FeatureSwitchSettings> {

  @Override
  public FeatureSwitchSettings prepare(FeatureSwitch annotation, Class<?> targetHandler) {
    return FeatureSwitchSettings.of(annotation, targetHandler);
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    FeatureSwitchSettings configured = settings();
    if (configured.isOn(context())) {
      return super.handleAsync(request);
    }
    if (configured.dontAck()) {
      return CompletableFuture.failedFuture(configured.switchedOff());
    }
    return CompletableFuture.completedFuture(request);
  }
}
