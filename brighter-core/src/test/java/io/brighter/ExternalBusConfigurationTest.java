package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.messaging.ProducerRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalBusConfigurationTest {

  private static ExternalBusConfiguration.Builder minimal() {
    return ExternalBusConfiguration.builder().producers(ProducerRegistry.of(List.of()));
  }

  @ParameterizedTest // #12: accepted, then every sweep threw
  @ValueSource(longs = {0, -1})
  void refuses_a_sweep_lease_that_is_not_positive_when_built(long seconds) {
    assertThatThrownBy(() -> minimal().sweepLease(Duration.ofSeconds(seconds)).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("ExternalBusConfiguration.sweepLease must be positive");
  }

  @Test
  void refuses_a_negative_cool_down_naming_it() {
    assertThatThrownBy(() -> minimal().topicCooldownSweeps(-1).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("ExternalBusConfiguration.topicCooldownSweeps must be at least 0");
  }

  @Test
  void refuses_a_missing_part_naming_it() {
    assertThatThrownBy(() -> minimal().clock(null).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("ExternalBusConfiguration.clock may not be null");
  }

  @Test
  void has_the_documented_defaults() {
    ExternalBusConfiguration bus = minimal().build();

    assertThat(bus.sweepLease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(bus.topicCooldownSweeps()).isEqualTo(3);
  }
}
