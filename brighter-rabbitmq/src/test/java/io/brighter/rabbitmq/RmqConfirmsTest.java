package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How broker confirms settle the publishes waiting for them. */
class RmqConfirmsTest {

  private record Settled(Id id, boolean delivered) {}

  private final List<Settled> settled = new ArrayList<>();
  private final RmqConfirms confirms =
      new RmqConfirms((id, failure) -> settled.add(new Settled(id, failure == null)), false);

  @Test
  void a_multiple_ack_settles_every_publish_up_to_its_sequence_number() {
    // given
    Id first = Id.random();
    Id second = Id.random();
    Id third = Id.random();
    confirms.track(1, first);
    confirms.track(2, second);
    CompletableFuture<Void> last = confirms.track(3, third);

    // when
    confirms.acked(2, true);

    // then
    assertThat(settled).containsExactly(new Settled(first, true), new Settled(second, true));
    assertThat(last).isNotDone();
    assertThat(confirms.outstanding()).isEqualTo(1);
  }

  @Test
  void a_nack_fails_the_publish_with_a_publish_exception() {
    // given
    CompletableFuture<Void> refused = confirms.track(1, Id.random());

    // when
    confirms.nacked(1, false);

    // then
    assertThat(refused)
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableThat()
        .withCauseInstanceOf(RmqPublishException.class);
  }

  @Test
  void a_returned_message_fails_at_its_ack_as_unroutable() {
    // given
    Id id = Id.random();
    CompletableFuture<Void> unroutable = confirms.track(1, id);

    // when
    confirms.returned(id.value(), "brighter", "nobody.listens");
    confirms.acked(1, false);

    // then
    assertThat(unroutable)
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableThat()
        .withCauseInstanceOf(RmqPublishException.class)
        .withMessageContaining("nobody.listens");
  }

  @Test
  void a_closed_channel_fails_every_waiting_publish() {
    // given
    confirms.track(1, Id.random());
    confirms.track(2, Id.random());

    // when
    confirms.failAll(new IllegalStateException("connection reset"));

    // then
    assertThat(settled).extracting(Settled::delivered).containsExactly(false, false);
    assertThat(confirms.outstanding()).isZero();
  }
}
