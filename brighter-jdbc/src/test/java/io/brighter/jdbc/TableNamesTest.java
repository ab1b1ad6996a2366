package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNamesTest {

  private static final DataSource UNUSED = Databases.sqlite("brighter-jdbc-unused");

  @Nested
  class WithTableName {

    @ParameterizedTest
    @ValueSource(strings = {"outbox", "Greetings_Outbox", "_box2"})
    void accepts_plain_identifiers(String name) {
      assertThat(JdbcOutbox.forDialect(SqlDialect.POSTGRES, UNUSED).withTableName(name).tableName())
          .isEqualTo(name);
      assertThat(JdbcInbox.forDialect(SqlDialect.MYSQL, UNUSED).withTableName(name).tableName())
          .isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "2outbox",
          "outbox; DROP TABLE users",
          "public.outbox",
          "\"outbox\"",
          "out box",
          "a_name_that_is_far_too_long_to_be_a_table_name_here"
        })
    void rejects_anything_else(String name) {
      assertThatThrownBy(() -> JdbcOutbox.forDialect(SqlDialect.SQLITE, UNUSED).withTableName(name))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("JdbcOutbox.tableName");
      assertThatThrownBy(() -> JdbcInbox.forDialect(SqlDialect.SQLITE, UNUSED).withTableName(name))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("JdbcInbox.tableName");
    }

    @ParameterizedTest // #12: these passed the check and failed at createTableIfMissing
    @ValueSource(strings = {"order", "user", "GROUP", "Select", "key"})
    void rejects_reserved_words_when_configured(String name) {
      assertThatThrownBy(
              () -> JdbcOutbox.forDialect(SqlDialect.POSTGRES, UNUSED).withTableName(name))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("JdbcOutbox.tableName")
          .hasMessageContaining("reserved word");
      assertThatThrownBy(() -> JdbcInbox.forDialect(SqlDialect.MYSQL, UNUSED).withTableName(name))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("JdbcInbox.tableName");
    }
  }

  @Nested
  class DuplicateKey {

    @Test
    void is_read_the_same_way_from_every_driver() {
      assertThat(exception(new SQLException("pg", "23505", 0)).duplicateKey()).isTrue();
      assertThat(exception(new SQLException("mysql", "23000", 1062)).duplicateKey()).isTrue();
      assertThat(exception(new SQLException("sqlite", null, 19)).duplicateKey()).isTrue();
      assertThat(exception(new SQLException("not null", "23502", 0)).duplicateKey()).isFalse();
      assertThat(exception(new SQLException("syntax", "42601", 0)).duplicateKey()).isFalse();
    }

    private JdbcStoreException exception(SQLException cause) {
      return JdbcStoreException.failed("add to the outbox", "outbox", cause);
    }
  }
}
