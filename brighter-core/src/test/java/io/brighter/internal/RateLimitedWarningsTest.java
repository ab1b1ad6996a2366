package io.brighter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RateLimitedWarningsTest { // #12: 4.45 million lines in 3 s while a broker was down

  private static final Logger LOG = LoggerFactory.getLogger(RateLimitedWarningsTest.class);

  private final AtomicLong now = new AtomicLong();
  private final RateLimitedWarnings warnings =
      new RateLimitedWarnings(Duration.ofSeconds(60), now::get);

  @Test
  void logs_a_repeated_warning_once_per_period_then_with_the_count_of_those_left_out() {
    IllegalStateException down = new IllegalStateException("connection refused");

    boolean first = warnings.warn(LOG, "Channel failed", down);
    int within = 0;
    for (int i = 0; i < 1_000; i++) {
      now.addAndGet(Duration.ofMillis(10).toNanos());
      within += warnings.warn(LOG, "Channel failed", down) ? 1 : 0;
    }
    now.addAndGet(Duration.ofSeconds(60).toNanos());
    boolean afterThePeriod = warnings.warn(LOG, "Channel failed", down);

    assertThat(first).isTrue();
    assertThat(within).isZero();
    assertThat(afterThePeriod).isTrue();
  }

  @Test
  void logs_a_new_cause_or_text_at_once() {
    warnings.warn(LOG, "Channel failed", new IllegalStateException("connection refused"));

    assertThat(warnings.warn(LOG, "Channel failed", new IllegalStateException("access refused")))
        .isTrue();
    assertThat(warnings.warn(LOG, "Sweep failed", new IllegalStateException("connection refused")))
        .isTrue();
    assertThat(warnings.warn(LOG, "Channel failed", new IllegalStateException("access refused")))
        .isFalse();
  }
}
