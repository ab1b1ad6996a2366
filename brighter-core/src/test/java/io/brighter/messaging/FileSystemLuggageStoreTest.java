package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.messaging.transforms.FileSystemLuggageStore;
import io.brighter.messaging.transforms.LuggageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemLuggageStoreTest {

  @TempDir Path directory;

  @Test
  void stores_retrieves_and_deletes_a_payload_as_one_file() throws Exception {
    // given
    LuggageStore store = new FileSystemLuggageStore(directory.resolve("luggage"));
    byte[] payload = "a large body".getBytes(StandardCharsets.UTF_8);

    // when
    String claim = store.store(payload);

    // then
    assertThat(store.hasClaim(claim)).isTrue();
    assertThat(store.retrieve(claim)).isEqualTo(payload);
    try (Stream<Path> files = Files.list(directory.resolve("luggage"))) {
      assertThat(files).extracting(file -> file.getFileName().toString()).containsExactly(claim);
    }
    store.delete(claim);
    assertThat(store.hasClaim(claim)).isFalse();
  }

  @Test
  void finds_nothing_under_an_unknown_or_malformed_claim() {
    // given
    LuggageStore store = new FileSystemLuggageStore(directory);

    // when / then
    assertThat(store.hasClaim("../etc/passwd")).isFalse();
    assertThat(store.hasClaim("0190b8a2-7d4e-7000-8000-000000000001")).isFalse();
    assertThatThrownBy(() -> store.retrieve("0190b8a2-7d4e-7000-8000-000000000001"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> store.retrieve("../etc/passwd"))
        .isInstanceOf(NoSuchElementException.class);
  }
}
