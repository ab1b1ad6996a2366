package io.brighter.handlers.featureswitch;

import io.brighter.Request;
import io.brighter.handlers.FeatureSwitch;
import io.brighter.handlers.PreparedBy;
import io.brighter.handlers.RequestHandlerAsync;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous handler inserted by {@link FeatureSwitch}; see {@link FeatureSwitchHandler}.
 *
 * @param <T> the request type
 */
public final class FeatureSwitchHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
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
  public CompletableFuture<T> handleAsync(T request) {
    FeatureSwitchSettings configured = settings;
    if (configured == null) {
      throw new IllegalStateException("used before configure() was called");
    }
    if (configured.isOn(context())) {
      return super.handleAsync(request);
    }
    if (configured.dontAck()) {
      return CompletableFuture.failedFuture(configured.switchedOff());
    }
    return CompletableFuture.completedFuture(request);
  }
}
