package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicationTest {

  private static Publication.Builder minimal() {
    return Publication.builder().topic(RoutingKey.of("greeting.added"));
  }

  @Test // #12: an empty CloudEvents type or source passed
  void refuses_an_empty_cloud_events_type_or_source_when_built() {
    assertThatThrownBy(() -> minimal().type(" ").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Publication.type may not be blank");
    assertThatThrownBy(() -> minimal().source(URI.create("")).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Publication.source may not be blank");
  }

  @Test
  void refuses_a_missing_topic_naming_it() {
    assertThatThrownBy(() -> Publication.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Publication.topic may not be null");
  }
}
