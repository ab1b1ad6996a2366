package io.brighter.outbox.archive;

import static io.brighter.outbox.archive.ArchiveFixtures.ids;
import static io.brighter.outbox.archive.ArchiveFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.fixtures.MovableClock;
import io.brighter.messaging.Message;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryOutboxOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutboxArchiverTest {

  private static final Duration DAY = Duration.ofHours(24);

  private final MovableClock clock = new MovableClock();
  private final InMemoryOutbox outbox = new InMemoryOutbox(clock, InMemoryOutboxOptions.UNBOUNDED);
  private final InMemoryArchiveProvider provider = new InMemoryArchiveProvider();

  /** Adds a message now and marks it dispatched now. */
  private Message dispatched(String id) {
    Message message = outstanding(id);
    outbox.markDispatched(message.id(), clock.instant());
    return message;
  }

  private Message outstanding(String id) {
    Message message = message(id, clock.instant());
    outbox.add(message, new RequestContext(), null);
    return message;
  }

  private OutboxArchiver archiver(UnaryOperator<OutboxArchiver.Builder> settings) {
    return settings
        .apply(OutboxArchiver.builder().outbox(outbox).archiveProvider(provider))
        .dispatchedAge(DAY)
        .build();
  }

  @Nested
  class Archive {

    @Test
    void archives_messages_dispatched_longer_ago_than_the_age_then_deletes_them() {
      // given
      dispatched("a");
      dispatched("b");
      clock.advance(DAY);

      // when
      int archived = archiver(b -> b).archive();

      // then
      assertThat(archived).isEqualTo(2);
      assertThat(ids(provider.archived())).containsExactly("a", "b");
      assertThat(outbox.get(List.of(Id.of("a"), Id.of("b")))).isEmpty();
    }

    @Test
    void leaves_outstanding_and_recently_dispatched_messages_in_the_outbox() {
      // given
      outstanding("never-sent");
      dispatched("old");
      clock.advance(DAY);
      dispatched("recent");

      // when
      int archived = archiver(b -> b).archive();

      // then
      assertThat(archived).isEqualTo(1);
      assertThat(ids(provider.archived())).containsExactly("old");
      assertThat(ids(outbox.get(List.of(Id.of("never-sent"), Id.of("old"), Id.of("recent")))))
          .containsExactly("never-sent", "recent");
      assertThat(outbox.outstandingCount()).isEqualTo(1);
    }

    @Test
    void archives_in_batches_until_the_outbox_has_no_more() {
      // given
      for (int i = 0; i < 5; i++) {
        dispatched("m" + i);
      }
      clock.advance(DAY);
      List<Integer> batchSizes = new ArrayList<>();
      ArchiveProvider recording =
          messages -> {
            batchSizes.add(messages.size());
            provider.archive(messages);
          };
      OutboxArchiver archiver =
          OutboxArchiver.builder()
              .outbox(outbox)
              .archiveProvider(recording)
              .dispatchedAge(DAY)
              .batchSize(2)
              .build();

      // when
      int archived = archiver.archive();

      // then
      assertThat(archived).isEqualTo(5);
      assertThat(batchSizes).containsExactly(2, 2, 1);
      assertThat(ids(provider.archived())).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void stops_a_pass_after_the_most_batches_and_leaves_the_rest_for_the_next() {
      // given
      for (int i = 0; i < 5; i++) {
        dispatched("m" + i);
      }
      clock.advance(DAY);
      OutboxArchiver archiver = archiver(b -> b.batchSize(2).maxBatchesPerPass(2));

      // when
      int first = archiver.archive();
      int second = archiver.archive();

      // then
      assertThat(first).isEqualTo(4);
      assertThat(second).isEqualTo(1);
      assertThat(provider.archived()).hasSize(5);
    }

    @Test
    void with_nothing_to_archive_archives_nothing() {
      // given
      dispatched("recent");

      // when
      int archived = archiver(b -> b).archive();

      // then
      assertThat(archived).isZero();
      assertThat(provider.archived()).isEmpty();
    }
  }

  @Nested
  class FailingProvider {

    @Test
    void deletes_nothing_and_rethrows_the_failure() {
      // given
      dispatched("a");
      dispatched("b");
      clock.advance(DAY);
      OutboxArchiver archiver =
          OutboxArchiver.builder()
              .outbox(outbox)
              .archiveProvider(
                  messages -> {
                    throw new IllegalStateException("archive store is down");
                  })
              .dispatchedAge(DAY)
              .build();

      // when / then
      assertThatThrownBy(archiver::archive)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("archive store is down");
      assertThat(ids(outbox.dispatchedMessages(DAY, 10))).containsExactly("a", "b");
    }

    @Test
    void keeps_earlier_batches_archived_and_the_failed_batch_in_the_outbox() {
      // given
      for (int i = 0; i < 3; i++) {
        dispatched("m" + i);
      }
      clock.advance(DAY);
      ArchiveProvider failsSecondTime =
          messages -> {
            if (!provider.archived().isEmpty()) {
              throw new IllegalStateException("disk full");
            }
            provider.archive(messages);
          };
      OutboxArchiver archiver =
          OutboxArchiver.builder()
              .outbox(outbox)
              .archiveProvider(failsSecondTime)
              .dispatchedAge(DAY)
              .batchSize(2)
              .build();

      // when
      assertThatThrownBy(archiver::archive).hasMessage("disk full");

      // then
      assertThat(ids(provider.archived())).containsExactly("m0", "m1");
      assertThat(ids(outbox.dispatchedMessages(DAY, 10))).containsExactly("m2");
    }
  }

  @Nested
  class Passes {

    @Test
    void a_pass_started_while_another_runs_archives_nothing() throws InterruptedException {
      // given
      dispatched("a");
      clock.advance(DAY);
      CountDownLatch inProvider = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      OutboxArchiver archiver =
          OutboxArchiver.builder()
              .outbox(outbox)
              .archiveProvider(
                  messages -> {
                    inProvider.countDown();
                    awaitQuietly(release);
                    provider.archive(messages);
                  })
              .dispatchedAge(DAY)
              .build();
      Thread first = Thread.ofPlatform().start(archiver::archive);
      assertThat(inProvider.await(5, TimeUnit.SECONDS)).isTrue();

      // when
      int second = archiver.archive();

      // then
      release.countDown();
      first.join(5_000);
      assertThat(second).isZero();
      assertThat(ids(provider.archived())).containsExactly("a");
    }

    @Test
    void a_started_archiver_archives_every_interval_until_stopped() {
      // given
      dispatched("a");
      clock.advance(DAY);
      OutboxArchiver archiver = archiver(b -> b.interval(Duration.ofMillis(20)));

      // when
      archiver.start();
      try {
        // then
        await()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(ids(provider.archived())).containsExactly("a"));
      } finally {
        archiver.stop();
      }
      assertThat(outbox.get(Id.of("a")).isEmpty()).isTrue();
      assertThatCode(archiver::close).doesNotThrowAnyException();
    }

    @Test
    void cannot_be_started_twice() {
      // given
      OutboxArchiver archiver = archiver(b -> b);
      archiver.start();
      try {
        // when / then
        assertThatThrownBy(archiver::start).isInstanceOf(IllegalStateException.class);
      } finally {
        archiver.stop();
      }
    }
  }

  @Nested
  class BuilderValidation {

    @Test
    void names_a_missing_outbox() {
      assertThatThrownBy(() -> OutboxArchiver.builder().archiveProvider(provider).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("OutboxArchiver.outbox may not be null");
    }

    @Test
    void names_a_missing_archive_provider() {
      assertThatThrownBy(() -> OutboxArchiver.builder().outbox(outbox).build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("OutboxArchiver.archiveProvider may not be null");
    }

    @Test
    void names_each_setting_out_of_range() {
      assertThatThrownBy(() -> archiver(b -> b.batchSize(0)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("OutboxArchiver.batchSize");
      assertThatThrownBy(() -> archiver(b -> b.maxBatchesPerPass(0)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("OutboxArchiver.maxBatchesPerPass");
      assertThatThrownBy(() -> archiver(b -> b.interval(Duration.ZERO)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("OutboxArchiver.interval");
      assertThatThrownBy(
              () ->
                  OutboxArchiver.builder()
                      .outbox(outbox)
                      .archiveProvider(provider)
                      .dispatchedAge(Duration.ofSeconds(-1))
                      .build())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("OutboxArchiver.dispatchedAge");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
