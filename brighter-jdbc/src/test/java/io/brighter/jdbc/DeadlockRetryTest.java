package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A call the database rolled back as a deadlock victim is made again, a few times at most. */
class DeadlockRetryTest {

  private final AtomicInteger calls = new AtomicInteger();

  private Jdbc.SqlCall<String> failingTimes(int failures, String sqlState) {
    return () -> {
      if (calls.incrementAndGet() <= failures) {
        throw new SQLException("Deadlock found when trying to get lock", sqlState);
      }
      return "done";
    };
  }

  @Test
  void a_deadlock_victim_on_mariadb_is_retried_until_it_succeeds() throws SQLException {
    assertThat(Jdbc.retryingDeadlocks(failingTimes(2, "40001"))).isEqualTo("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void a_deadlock_victim_on_postgres_is_retried() throws SQLException {
    assertThat(Jdbc.retryingDeadlocks(failingTimes(1, "40P01"))).isEqualTo("done");
    assertThat(calls).hasValue(2);
  }

  @Test
  void the_deadlock_surfaces_once_the_attempts_are_spent() {
    assertThatThrownBy(
            () -> Jdbc.retryingDeadlocks(failingTimes(Jdbc.DEADLOCK_ATTEMPTS + 2, "40001")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Deadlock");
    assertThat(calls).hasValue(Jdbc.DEADLOCK_ATTEMPTS);
  }

  @Test
  void other_errors_are_not_retried() {
    assertThatThrownBy(() -> Jdbc.retryingDeadlocks(failingTimes(1, "23505")))
        .isInstanceOf(SQLException.class);
    assertThat(calls).hasValue(1);
  }
}
