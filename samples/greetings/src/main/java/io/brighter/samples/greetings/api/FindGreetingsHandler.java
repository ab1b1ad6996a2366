package io.brighter.samples.greetings.api;

import io.brighter.darker.QueryHandler;
import io.brighter.darker.QueryLogging;
import io.brighter.samples.greetings.Greetings.FindGreetings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Answers {@link FindGreetings} from the greetings table, oldest first. */
public final class FindGreetingsHandler extends QueryHandler<FindGreetings, List<String>> {

  private final DataSource dataSource;

  /** Reads from {@code dataSource}. */
  public FindGreetingsHandler(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  @QueryLogging(step = 1)
  public List<String> execute(FindGreetings query) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT greeting FROM "
                    + GreetingsSchema.GREETINGS
                    + " WHERE name = ? ORDER BY created_at, id")) {
      select.setString(1, query.name());
      List<String> greetings = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          greetings.add(rows.getString(1));
        }
      }
      return greetings;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read greetings of " + query.name(), e);
    }
  }
}
