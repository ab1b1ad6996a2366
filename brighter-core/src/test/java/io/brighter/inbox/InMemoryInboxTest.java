package io.brighter.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.fixtures.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryInboxTest {

  record Ping(Id id) implements Command {
    static Ping next() {
      return new Ping(Id.random());
    }
  }

  private static final String CONTEXT = "ctx";

  private final MovableClock clock = new MovableClock();

  @Nested
  class EntryLimit {

    @Test
    void the_oldest_entries_go_when_the_limit_is_passed() {
      // given
      InMemoryInbox inbox =
          new InMemoryInbox(clock, InMemoryInboxOptions.DEFAULT.withEntryLimit(2));
      Ping first = Ping.next();
      Ping second = Ping.next();
      Ping third = Ping.next();

      // when
      inbox.add(first, CONTEXT);
      inbox.add(second, CONTEXT);
      inbox.add(third, CONTEXT);

      // then
      assertThat(inbox.exists(first.id(), CONTEXT, Ping.class)).isFalse();
      assertThat(inbox.exists(second.id(), CONTEXT, Ping.class)).isTrue();
      assertThat(inbox.exists(third.id(), CONTEXT, Ping.class)).isTrue();
      assertThat(inbox.size()).isEqualTo(2);
    }

    @Test
    void a_duplicate_add_neither_counts_nor_evicts() {
      // given
      InMemoryInbox inbox =
          new InMemoryInbox(clock, InMemoryInboxOptions.DEFAULT.withEntryLimit(2));
      Ping first = Ping.next();
      Ping second = Ping.next();
      inbox.add(first, CONTEXT);
      inbox.add(second, CONTEXT);

      // when
      inbox.add(second, CONTEXT);

      // then
      assertThat(inbox.exists(first.id(), CONTEXT, Ping.class)).isTrue();
      assertThat(inbox.size()).isEqualTo(2);
    }
  }

  @Nested
  class TimeToLive {

    private final InMemoryInbox inbox =
        new InMemoryInbox(
            clock, InMemoryInboxOptions.DEFAULT.withTimeToLive(Duration.ofMinutes(1)));

    @Test
    void an_entry_is_kept_until_its_time_to_live_has_passed() {
      // given
      Ping ping = Ping.next();
      inbox.add(ping, CONTEXT);

      // when
      clock.advance(Duration.ofSeconds(59));

      // then
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isTrue();
    }

    @Test
    void an_entry_expires_once_its_time_to_live_has_passed() {
      // given
      Ping old = Ping.next();
      inbox.add(old, CONTEXT);
      clock.advance(Duration.ofSeconds(30));
      Ping recent = Ping.next();
      inbox.add(recent, CONTEXT);

      // when
      clock.advance(Duration.ofSeconds(30));

      // then
      assertThat(inbox.exists(old.id(), CONTEXT, Ping.class)).isFalse();
      assertThat(inbox.get(old.id(), CONTEXT, Ping.class)).isEmpty();
      assertThat(inbox.exists(recent.id(), CONTEXT, Ping.class)).isTrue();
    }

    @Test
    void an_expired_entry_can_be_added_again() {
      // given
      Ping ping = Ping.next();
      inbox.add(ping, CONTEXT);
      clock.advance(Duration.ofMinutes(2));

      // when
      inbox.add(ping, CONTEXT);

      // then
      assertThat(inbox.exists(ping.id(), CONTEXT, Ping.class)).isTrue();
    }
  }

  @Nested
  class Options {

    @Test
    void a_limit_below_one_is_refused() {
      assertThatThrownBy(() -> InMemoryInboxOptions.DEFAULT.withEntryLimit(0))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("entryLimit");
    }

    @Test
    void a_time_to_live_that_is_not_positive_is_refused() {
      assertThatThrownBy(() -> InMemoryInboxOptions.DEFAULT.withTimeToLive(Duration.ZERO))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("timeToLive");
    }
  }
}
