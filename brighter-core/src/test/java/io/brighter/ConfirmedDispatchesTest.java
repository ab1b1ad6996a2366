package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConfirmedDispatchesTest {

  private final List<List<Id>> marks = new CopyOnWriteArrayList<>();

  @Test
  void confirmations_arriving_while_a_mark_is_written_are_marked_together_next() {
    // given: an outbox that takes 20 ms per write
    ConfirmedDispatches dispatches =
        new ConfirmedDispatches(
            ids -> {
              sleep(20);
              marks.add(List.copyOf(ids));
            });
    List<Id> confirmed = IntStream.range(0, 200).mapToObj(n -> Id.random()).toList();

    // when: a broker confirms them one at a time
    long start = System.nanoTime();
    confirmed.forEach(id -> dispatches.add(List.of(id)));
    long callerNanos = System.nanoTime() - start;

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(marks.stream().flatMap(List::stream).toList())
                    .containsExactlyInAnyOrderElementsOf(confirmed));
    assertThat(marks).hasSizeLessThan(20);
    assertThat(Duration.ofNanos(callerNanos)).isLessThan(Duration.ofMillis(200));
  }

  @Test
  void a_failed_mark_is_logged_and_later_confirmations_are_still_marked() {
    // given
    AtomicInteger calls = new AtomicInteger();
    ConfirmedDispatches dispatches =
        new ConfirmedDispatches(
            ids -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              marks.add(List.copyOf(ids));
            });
    Id lost = Id.random();
    Id later = Id.random();

    // when
    dispatches.add(List.of(lost));
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
    dispatches.add(List.of(later));

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(marks).containsExactly(List.of(later)));
  }

  @Test
  void no_more_than_the_batch_limit_is_marked_in_one_call() {
    // given
    ConfirmedDispatches dispatches = new ConfirmedDispatches(ids -> marks.add(List.copyOf(ids)));
    List<Id> confirmed =
        IntStream.range(0, ConfirmedDispatches.MAX_BATCH * 2 + 1)
            .mapToObj(n -> Id.random())
            .toList();

    // when
    dispatches.add(confirmed);

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(marks.stream().mapToInt(List::size).sum()).isEqualTo(confirmed.size()));
    assertThat(marks).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(500));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
