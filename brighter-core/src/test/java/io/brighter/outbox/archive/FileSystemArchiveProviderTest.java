package io.brighter.outbox.archive;

import static io.brighter.outbox.archive.ArchiveFixtures.everyField;
import static io.brighter.outbox.archive.ArchiveFixtures.ids;
import static io.brighter.outbox.archive.ArchiveFixtures.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.fixtures.MovableClock;
import io.brighter.messaging.Message;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryOutboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemArchiveProviderTest {

  private static final Instant START = Instant.parse("2026-11-26T23:00:00Z");
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 26);

  @TempDir Path directory;

  private final MovableClock clock = new MovableClock(START);

  private FileSystemArchiveProvider provider() {
    return new FileSystemArchiveProvider(directory.resolve("archive"), clock);
  }

  @Nested
  class RoundTrip {

    @Test
    void every_header_field_and_the_body_read_back_unchanged() {
      // given
      Message original = everyField("full");
      assertThat(original.header()).hasNoNullFieldsOrProperties();
      FileSystemArchiveProvider provider = provider();

      // when
      provider.archive(List.of(original));
      List<Message> read = FileSystemArchiveProvider.read(provider.file(FIRST_DAY));

      // then
      assertThat(read).containsExactly(original);
      assertThat(read.getFirst().body().bytes()).containsExactly(original.body().bytes());
    }

    @Test
    void a_message_with_only_the_required_fields_reads_back_unchanged() {
      // given
      Message original = message("plain", START);
      FileSystemArchiveProvider provider = provider();

      // when
      provider.archive(List.of(original));

      // then
      assertThat(FileSystemArchiveProvider.read(provider.file(FIRST_DAY)))
          .containsExactly(original);
    }

    @Test
    void writes_one_json_line_per_message() throws IOException {
      // given
      FileSystemArchiveProvider provider = provider();

      // when
      provider.archive(List.of(everyField("a"), message("b", START)));

      // then
      List<String> lines = Files.readAllLines(provider.file(FIRST_DAY), UTF_8);
      assertThat(lines).hasSize(2);
      assertThat(lines.getFirst()).startsWith("{").contains("\"messageId\":\"a\"");
    }
  }

  @Nested
  class Appending {

    @Test
    void later_batches_are_appended_to_the_day_file() {
      // given
      FileSystemArchiveProvider provider = provider();
      provider.archive(List.of(message("a", START), message("b", START)));

      // when
      provider.archive(List.of(message("c", START)));

      // then
      assertThat(ids(FileSystemArchiveProvider.read(provider.file(FIRST_DAY))))
          .containsExactly("a", "b", "c");
    }

    @Test
    void archiving_a_message_again_is_not_an_error_and_it_reads_back_once() {
      // given
      FileSystemArchiveProvider provider = provider();
      provider.archive(List.of(message("a", START)));

      // when
      provider.archive(List.of(message("a", START), message("b", START)));

      // then
      assertThat(ids(FileSystemArchiveProvider.read(provider.file(FIRST_DAY))))
          .containsExactly("a", "b");
    }

    @Test
    void a_torn_last_line_is_skipped_and_the_next_batch_starts_on_a_new_line() throws IOException {
      // given
      FileSystemArchiveProvider provider = provider();
      provider.archive(List.of(message("a", START)));
      Files.writeString(
          provider.file(FIRST_DAY), "{\"messageId\":\"torn", UTF_8, StandardOpenOption.APPEND);

      // when
      provider.archive(List.of(message("b", START)));

      // then
      assertThat(ids(FileSystemArchiveProvider.read(provider.file(FIRST_DAY))))
          .containsExactly("a", "b");
    }

    @Test
    void an_empty_batch_writes_no_file() {
      // given
      FileSystemArchiveProvider provider = provider();

      // when
      provider.archive(List.of());

      // then
      assertThat(provider.file(FIRST_DAY)).doesNotExist();
    }
  }

  @Nested
  class Rotation {

    @Test
    void a_new_utc_day_starts_a_new_file() {
      // given
      FileSystemArchiveProvider provider = provider();
      provider.archive(List.of(message("late", START)));

      // when
      clock.advance(Duration.ofHours(1));
      provider.archive(List.of(message("early", START)));

      // then
      assertThat(provider.file(FIRST_DAY)).hasFileName("outbox-archive-2026-11-26.jsonl");
      assertThat(ids(FileSystemArchiveProvider.read(provider.file(FIRST_DAY))))
          .containsExactly("late");
      assertThat(ids(FileSystemArchiveProvider.read(provider.file(FIRST_DAY.plusDays(1)))))
          .containsExactly("early");
    }
  }

  @Nested
  class WithTheArchiver {

    @Test
    void passes_on_two_days_append_to_two_files_and_empty_the_outbox() {
      // given
      InMemoryOutbox outbox = new InMemoryOutbox(clock, InMemoryOutboxOptions.UNBOUNDED);
      FileSystemArchiveProvider provider = provider();
      OutboxArchiver archiver =
          OutboxArchiver.builder()
              .outbox(outbox)
              .archiveProvider(provider)
              .dispatchedAge(Duration.ofMinutes(30))
              .build();
      dispatch(outbox, everyField("first"));
      clock.advance(Duration.ofMinutes(30));
      archiver.archive();
      dispatch(outbox, message("second", clock.instant()));
      clock.advance(Duration.ofMinutes(30));

      // when
      int archived = archiver.archive();

      // then
      assertThat(archived).isEqualTo(1);
      assertThat(FileSystemArchiveProvider.read(provider.file(FIRST_DAY)))
          .containsExactly(everyField("first"));
      assertThat(ids(FileSystemArchiveProvider.read(provider.file(FIRST_DAY.plusDays(1)))))
          .containsExactly("second");
      assertThat(outbox.get(List.of(Id.of("first"), Id.of("second")))).isEmpty();
    }

    private void dispatch(InMemoryOutbox outbox, Message message) {
      outbox.add(message, new RequestContext(), null);
      outbox.markDispatched(message.id(), clock.instant());
    }
  }

  @Test
  void reading_a_missing_file_fails() {
    assertThatThrownBy(() -> FileSystemArchiveProvider.read(directory.resolve("missing.jsonl")))
        .isInstanceOf(UncheckedIOException.class);
  }
}
