package io.brighter.samples.greetings.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The greetings API's own tables: people and their greetings. */
final class GreetingsSchema {

  static final String PEOPLE = "greetings_people";
  static final String GREETINGS = "greetings_greetings";

  private GreetingsSchema() {}

  static void create(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS " + PEOPLE + " (name VARCHAR(100) NOT NULL PRIMARY KEY)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + GREETINGS
              + " (id VARCHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
              + " greeting VARCHAR(500) NOT NULL, created_at VARCHAR(40) NOT NULL)");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the greetings tables", e);
    }
  }
}
