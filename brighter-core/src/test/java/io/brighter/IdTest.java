package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdTest {

  @Test
  void random_ids_are_version_7_uuids() {
    UUID uuid = UUID.fromString(Id.random().value());

    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void random_ids_sort_by_creation_time() {
    Id earlier = new Id(Id.uuidV7(1_000_000L).toString());
    Id later = new Id(Id.uuidV7(2_000_000L).toString());

    assertThat(earlier).isLessThan(later);
  }

  @Test
  void random_ids_differ() {
    assertThat(Id.random()).isNotEqualTo(Id.random());
  }

  @Test
  void ids_from_elsewhere_keep_their_text() {
    assertThat(Id.of("order-42").value()).isEqualTo("order-42");
    assertThat(Id.of("order-42")).isEqualTo(Id.of("order-42"));
  }

  @Test
  void blank_ids_are_rejected() {
    assertThatThrownBy(() -> Id.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
