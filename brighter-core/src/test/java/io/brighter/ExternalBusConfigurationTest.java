package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.messaging.ProducerRegistry;
import io.brighter.outbox.InMemoryOutbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalBusConfigurationTest {

  private static ExternalBusConfiguration.Builder minimal() {
    return ExternalBusConfiguration.builder().producers(ProducerRegistry.of(List.of()));
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

    assertThat(bus.outbox()).isInstanceOf(InMemoryOutbox.class);
    assertThat(bus.maxOutstandingMessages()).isZero();
    assertThat(bus.producerRetryPolicy()).isNull();
  }
}
