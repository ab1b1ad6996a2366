package io.brighter.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brighter.Id;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The PostgreSQL a harness measures, behind a HikariCP pool. Settings come from a system property,
 * else an environment variable, else the loopback default, as in the JDBC integration tests: {@code
 * brighter.jdbc.postgres.url} / {@code BRIGHTER_JDBC_POSTGRES_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}), {@code .user} (postgres) and {@code .password} (empty).
 */
public final class BenchmarkDatabase implements AutoCloseable {

  private final HikariDataSource pool;

  private BenchmarkDatabase(HikariDataSource pool) {
    this.pool = pool;
  }

  /** A pool of at most {@code connections} connections to the configured PostgreSQL. */
  public static BenchmarkDatabase postgres(int connections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(setting("postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"));
    config.setUsername(setting("postgres.user", "postgres"));
    config.setPassword(setting("postgres.password", ""));
    config.setMaximumPoolSize(connections);
    config.setPoolName("benchmark");
    return new BenchmarkDatabase(new HikariDataSource(config));
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return pool;
  }

  /** A table name no other run uses: {@code prefix} and twelve random hex digits. */
  public static String freshTable(String prefix) {
    return prefix + "_" + Id.random().value().replace("-", "").substring(20);
  }

  /** Runs {@code sql} outside any transaction of the caller's. */
  public void execute(String sql) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run: " + sql, e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String setting(String key, String fallback) {
    String property = System.getProperty("brighter.jdbc." + key);
    if (property != null) {
      return property;
    }
    String env = System.getenv("BRIGHTER_JDBC_" + key.replace('.', '_').toUpperCase(Locale.ROOT));
    return env != null ? env : fallback;
  }
}
