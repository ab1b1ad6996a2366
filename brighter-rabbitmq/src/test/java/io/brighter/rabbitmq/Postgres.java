package io.brighter.rabbitmq;

import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The loopback PostgreSQL of the outbox flow tests, as brighter-jdbc's tests use it: {@code
 * brighter.jdbc.postgres.url} / {@code BRIGHTER_JDBC_POSTGRES_URL} (and {@code .user}, {@code
 * .password}), else {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}.
 */
final class Postgres {

  private Postgres() {}

  static DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(setting("url", "jdbc:postgresql://127.0.0.1:5432/test"));
    dataSource.setUser(setting("user", "postgres"));
    dataSource.setPassword(setting("password", ""));
    return dataSource;
  }

  private static String setting(String key, String fallback) {
    String property = System.getProperty("brighter.jdbc.postgres." + key);
    if (property != null) {
      return property;
    }
    String env = System.getenv("BRIGHTER_JDBC_POSTGRES_" + key.toUpperCase(Locale.ROOT));
    return env != null ? env : fallback;
  }
}
