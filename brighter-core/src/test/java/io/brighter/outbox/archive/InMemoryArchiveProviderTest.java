package io.brighter.outbox.archive;

import static io.brighter.outbox.archive.ArchiveFixtures.ids;
import static io.brighter.outbox.archive.ArchiveFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryArchiveProviderTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void keeps_messages_in_the_order_archived() {
    // given
    InMemoryArchiveProvider provider = new InMemoryArchiveProvider();

    // when
    provider.archive(List.of(message("a", NOW), message("b", NOW)));
    provider.archive(List.of(message("c", NOW)));

    // then
    assertThat(ids(provider.archived())).containsExactly("a", "b", "c");
  }

  @Test
  void archiving_a_message_again_keeps_it_once() {
    // given
    InMemoryArchiveProvider provider = new InMemoryArchiveProvider();
    provider.archive(List.of(message("a", NOW)));

    // when
    provider.archive(List.of(message("a", NOW), message("b", NOW)));

    // then
    assertThat(ids(provider.archived())).containsExactly("a", "b");
  }
}
