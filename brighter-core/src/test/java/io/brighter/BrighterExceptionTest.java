package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures a pump treats as passing (and requeues) rather than dead-letters. */
class BrighterExceptionTest {

  /** A store's failure that wraps the driver's exception, as the JDBC stores do. */
  private static RuntimeException storeFailure(SQLException cause) {
    return new IllegalStateException("Could not read the inbox", cause);
  }

  @Test // #15: a stopped PostgreSQL dead-lettered a message, its failure taken as lasting
  void a_database_that_went_away_or_is_starting_is_transient() {
    assertThat(BrighterException.isTransient(storeFailure(new SQLException("refused", "08001"))))
        .as("connection refused")
        .isTrue();
    assertThat(BrighterException.isTransient(storeFailure(new SQLException("shutdown", "57P01"))))
        .as("administrator shut the server down")
        .isTrue();
    assertThat(BrighterException.isTransient(storeFailure(new SQLException("starting", "57P03"))))
        .as("the server is starting up")
        .isTrue();
    assertThat(BrighterException.isTransient(storeFailure(new SQLException("deadlock", "40P01"))))
        .isTrue();
    assertThat(BrighterException.isTransient(new SQLTransientConnectionException("pool"))).isTrue();
  }

  @Test
  void a_statement_the_database_refuses_is_not() {
    assertThat(BrighterException.isTransient(storeFailure(new SQLException("syntax", "42601"))))
        .isFalse();
    assertThat(BrighterException.isTransient(storeFailure(new SQLException("duplicate", "23505"))))
        .isFalse();
    assertThat(BrighterException.isTransient(storeFailure(new SQLException("no state")))).isFalse();
    assertThat(BrighterException.isTransient(new IllegalArgumentException("bad"))).isFalse();
  }
}
