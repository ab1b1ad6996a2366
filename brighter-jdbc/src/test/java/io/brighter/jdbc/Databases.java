package io.brighter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The loopback databases the integration tests use, each behind one HikariCP pool shared by every
 * test in the JVM, as an application would use them. Each setting comes from a system property,
 * else an environment variable, else the loopback default: {@code brighter.jdbc.postgres.url} /
 * {@code BRIGHTER_JDBC_POSTGRES_URL} and so on for {@code .user} and {@code .password}, and {@code
 * brighter.jdbc.mariadb.*}; SQLite is a file under {@code target/}.
 */
final class Databases {

  private static final int POOL_SIZE = 8;

  private Databases() {}

  static DataSource postgres() {
    return Pools.POSTGRES;
  }

  static DataSource mariaDb() {
    return Pools.MARIADB;
  }

  /** The pools, made on first use so that a SQLite-only test opens no server connection. */
  private static final class Pools {
    static final DataSource POSTGRES =
        pool("postgres", postgresDataSource(), "Brighter tests on PostgreSQL");
    static final DataSource MARIADB =
        pool("mariadb", mariaDbDataSource(), "Brighter tests on MariaDB");

    private Pools() {}
  }

  private static DataSource pool(String name, DataSource target, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(target);
    config.setPoolName(poolName);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0);
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(10_000);
    HikariDataSource pool = new HikariDataSource(config);
    Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "close-" + name + "-pool"));
    return pool;
  }

  private static DataSource postgresDataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(setting("postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"));
    dataSource.setUser(setting("postgres.user", "postgres"));
    dataSource.setPassword(setting("postgres.password", ""));
    return dataSource;
  }

  private static DataSource mariaDbDataSource() {
    try {
      MariaDbDataSource dataSource =
          new MariaDbDataSource(setting("mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"));
      dataSource.setUser(setting("mariadb.user", "root"));
      dataSource.setPassword(setting("mariadb.password", ""));
      return dataSource;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Bad MariaDB URL", e);
    }
  }

  /** A WAL-mode SQLite database in {@code target/}, named {@code name}, with a busy timeout. */
  static DataSource sqlite(String name) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    Path file = Path.of(setting("sqlite.dir", "target"), name + ".db").toAbsolutePath();
    dataSource.setUrl("jdbc:sqlite:" + file);
    return dataSource;
  }

  private static String setting(String key, String fallback) {
    String property = System.getProperty("brighter.jdbc." + key);
    if (property != null) {
      return property;
    }
    String env =
        System.getenv("BRIGHTER_JDBC_" + key.replace('.', '_').toUpperCase(java.util.Locale.ROOT));
    return env != null ? env : fallback;
  }
}
