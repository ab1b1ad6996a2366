package io.brighter.testing.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Command;
import io.brighter.Id;
import io.brighter.inbox.Inbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cases {@link InboxContract} and {@link InboxAsyncContract} share, run against {@link
 * #subject()}. Each case uses fresh ids and context keys, so suites may share one store.
 */
abstract class InboxCases {

  /** A request with the shapes a store must round-trip: an id, text, an instant, a nested list. */
  record ContractCommand(Id id, String name, Instant at, List<Line> lines) implements Command {}

  /** A nested value of {@link ContractCommand}. */
  record Line(String sku, int quantity) {}

  /** Another request type, to check entries are told apart by type. */
  record OtherCommand(Id id) implements Command {}

  InboxCases() {}

  /** The inbox under test, seen through its blocking methods. */
  abstract Inbox subject();

  static ContractCommand command() {
    return new ContractCommand(
        Id.random(),
        "Ada \u00e9\u00e8 \"quoted\"",
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        List.of(new Line("sku-1", 2), new Line("sku-2", 5)));
  }

  static String contextKey() {
    return "context-" + UUID.randomUUID();
  }

  @Test
  final void an_added_request_exists_and_reads_back_equal() {
    // given
    ContractCommand command = command();
    String key = contextKey();

    // when
    subject().add(command, key);

    // then
    assertThat(subject().exists(command.id(), key, ContractCommand.class)).isTrue();
    assertThat(subject().get(command.id(), key, ContractCommand.class)).contains(command);
  }

  @Test
  final void the_same_id_in_two_context_keys_is_recorded_independently() {
    // given
    ContractCommand command = command();
    String first = contextKey();
    String second = contextKey();

    // when
    subject().add(command, first);

    // then
    assertThat(subject().exists(command.id(), first, ContractCommand.class)).isTrue();
    assertThat(subject().exists(command.id(), second, ContractCommand.class)).isFalse();
    subject().add(command, second);
    assertThat(subject().get(command.id(), second, ContractCommand.class)).contains(command);
  }

  @Test
  final void an_unknown_request_does_not_exist_and_reads_as_empty() {
    // given
    Id unknown = Id.random();
    String key = contextKey();

    // when / then
    assertThat(subject().exists(unknown, key, ContractCommand.class)).isFalse();
    assertThat(subject().get(unknown, key, ContractCommand.class)).isEmpty();
  }

  @Test
  final void a_duplicate_add_is_ignored_and_keeps_the_first_request() {
    // given
    ContractCommand command = command();
    ContractCommand sameId = new ContractCommand(command.id(), "changed", command.at(), List.of());
    String key = contextKey();
    subject().add(command, key);

    // when
    subject().add(sameId, key);

    // then
    assertThat(subject().get(command.id(), key, ContractCommand.class)).contains(command);
  }

  @Test
  final void a_request_of_another_type_with_that_id_reads_as_absent() {
    // given
    ContractCommand command = command();
    String key = contextKey();
    subject().add(command, key);

    // when / then
    assertThat(subject().exists(command.id(), key, OtherCommand.class)).isFalse();
    assertThat(subject().get(command.id(), key, OtherCommand.class)).isEmpty();
  }
}
