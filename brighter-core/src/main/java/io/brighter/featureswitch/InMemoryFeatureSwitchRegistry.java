package io.brighter.featureswitch;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.handlers.FeatureSwitchStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link FeatureSwitchRegistry} holding a fixed status per handler class, built with {@link
 * FeatureSwitchRegistry#builder()}. Immutable and thread-safe.
 */
public final class InMemoryFeatureSwitchRegistry implements FeatureSwitchRegistry {

  private final Map<Class<?>, FeatureSwitchStatus> statuses;
  private final MissingConfigStrategy missingConfig;

  private InMemoryFeatureSwitchRegistry(
      Map<Class<?>, FeatureSwitchStatus> statuses, MissingConfigStrategy missingConfig) {
    this.statuses = Map.copyOf(statuses);
    this.missingConfig = missingConfig;
  }

  @Override
  public FeatureSwitchStatus statusOf(Class<?> handlerType) {
    FeatureSwitchStatus status = statuses.get(handlerType);
    if (status != null) {
      return status;
    }
    return switch (missingConfig) {
      case SILENT_ON -> FeatureSwitchStatus.ON;
      case SILENT_OFF -> FeatureSwitchStatus.OFF;
      case EXCEPTION ->
          throw new ConfigurationException(
              "No feature switch is configured for " + handlerType.getName());
    };
  }

  /** Collects statuses for {@link InMemoryFeatureSwitchRegistry}. */
  public static final class Builder {
    private final Map<Class<?>, FeatureSwitchStatus> statuses = new HashMap<>();
    private MissingConfigStrategy missingConfig = MissingConfigStrategy.SILENT_ON;

    Builder() {}

    /** Sets {@code handlerType} to {@code status}, which must be ON or OFF. */
    public Builder status(Class<?> handlerType, FeatureSwitchStatus status) {
      requireNonNull(handlerType, "handlerType must not be null");
      requireNonNull(status, "status must not be null");
      if (status == FeatureSwitchStatus.CONFIG) {
        throw new IllegalArgumentException(
            "A feature switch registry answers ON or OFF, not CONFIG, for "
                + handlerType.getName());
      }
      statuses.put(handlerType, status);
      return this;
    }

    /**
     * What to answer for handlers with no status; {@link MissingConfigStrategy#SILENT_ON} if unset.
     */
    public Builder missingConfig(MissingConfigStrategy strategy) {
      this.missingConfig = requireNonNull(strategy, "missingConfig must not be null");
      return this;
    }

    /** The registry. */
    public InMemoryFeatureSwitchRegistry build() {
      return new InMemoryFeatureSwitchRegistry(statuses, missingConfig);
    }
  }
}
