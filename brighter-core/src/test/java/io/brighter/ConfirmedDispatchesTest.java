package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.ConfirmedDispatches.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConfirmedDispatchesTest {

  private final List<List<Id>> marks = new CopyOnWriteArrayList<>();
  private final List<List<Id>> releases = new CopyOnWriteArrayList<>();

  private ConfirmedDispatches marking(Consumer<List<Id>> mark) {
    return new ConfirmedDispatches(mark, ids -> releases.add(List.copyOf(ids)));
  }

  private static List<Outcome> delivered(List<Id> ids) {
    return ids.stream().map(id -> new Outcome(id, true)).toList();
  }

  @Test
  void confirmations_arriving_while_a_mark_is_written_are_marked_together_next() {
    // given: an outbox that takes 20 ms per write
    ConfirmedDispatches dispatches =
        marking(
            ids -> {
              sleep(20);
              marks.add(List.copyOf(ids));
            });
    List<Id> confirmed = IntStream.range(0, 200).mapToObj(n -> Id.random()).toList();

    // when: a broker confirms them one at a time
    long start = System.nanoTime();
    confirmed.forEach(id -> dispatches.add(delivered(List.of(id))));
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
        marking(
            ids -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              marks.add(List.copyOf(ids));
            });
    Id lost = Id.random();
    Id later = Id.random();

    // when
    dispatches.add(delivered(List.of(lost)));
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
    dispatches.add(delivered(List.of(later)));

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(marks).containsExactly(List.of(later)));
  }

  @Test
  void no_more_than_the_batch_limit_is_marked_in_one_call() {
    // given
    ConfirmedDispatches dispatches = marking(ids -> marks.add(List.copyOf(ids)));
    List<Id> confirmed =
        IntStream.range(0, ConfirmedDispatches.MAX_BATCH * 2 + 1)
            .mapToObj(n -> Id.random())
            .toList();

    // when
    dispatches.add(delivered(confirmed));

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(marks.stream().mapToInt(List::size).sum()).isEqualTo(confirmed.size()));
    assertThat(marks)
        .allSatisfy(
            batch -> assertThat(batch).hasSizeLessThanOrEqualTo(ConfirmedDispatches.MAX_BATCH));
  }

  @Test // #12: a refused message waited for the whole lease before it was sent again
  void refused_messages_have_their_claims_given_back() {
    // given
    ConfirmedDispatches dispatches = marking(ids -> marks.add(List.copyOf(ids)));
    Id taken = Id.random();
    Id refused = Id.random();

    // when
    dispatches.add(List.of(new Outcome(taken, true), new Outcome(refused, false)));

    // then
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(marks).containsExactly(List.of(taken));
              assertThat(releases).containsExactly(List.of(refused));
            });
  }

  @Test // #12: a killed relay left every confirmed-but-unmarked message to be sent again
  void a_relay_waits_until_the_outcomes_of_what_it_sent_are_recorded() {
    // given
    ConfirmedDispatches dispatches = marking(ids -> marks.add(List.copyOf(ids)));
    ConfirmedDispatches.Expected expected = dispatches.expecting();
    Id first = Id.random();
    Id second = Id.random();
    Id notSent = Id.random();
    expected.add(first);
    expected.add(second);
    expected.add(notSent);
    expected.forget(notSent);

    // when
    CompletableFuture<Boolean> waited =
        CompletableFuture.supplyAsync(() -> expected.await(Duration.ofSeconds(5)));
    dispatches.add(delivered(List.of(first)));
    sleep(50);
    boolean doneEarly = waited.isDone();
    dispatches.add(List.of(new Outcome(second, false)));

    // then
    assertThat(doneEarly).isFalse();
    assertThat(waited.join()).isTrue();
    assertThat(marks).containsExactly(List.of(first));
    assertThat(releases).containsExactly(List.of(second));
  }

  @Test
  void a_relay_stops_waiting_after_the_timeout() {
    // given
    ConfirmedDispatches.Expected expected = marking(marks::add).expecting();
    expected.add(Id.random());

    // when
    boolean all = expected.await(Duration.ofMillis(20));

    // then
    assertThat(all).isFalse();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
