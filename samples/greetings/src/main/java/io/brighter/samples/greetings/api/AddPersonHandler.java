package io.brighter.samples.greetings.api;

import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestLogging;
import io.brighter.samples.greetings.Greetings.AddPerson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Stores a person; a person already known is left as is. */
public final class AddPersonHandler extends RequestHandler<AddPerson> {

  private final DataSource dataSource;

  /** Stores into {@code dataSource}. */
  public AddPersonHandler(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  @RequestLogging(step = 1)
  public AddPerson handle(AddPerson command) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement exists =
            connection.prepareStatement(
                "SELECT 1 FROM " + GreetingsSchema.PEOPLE + " WHERE name = ?")) {
      exists.setString(1, command.name());
      if (!exists.executeQuery().next()) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + GreetingsSchema.PEOPLE + " (name) VALUES (?)")) {
          insert.setString(1, command.name());
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store " + command.name(), e);
    }
    return super.handle(command);
  }
}
