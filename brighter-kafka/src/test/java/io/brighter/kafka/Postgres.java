package io.brighter.kafka;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL the tests' outboxes live in: the loopback one unless system properties say. */
final class Postgres {

  private Postgres() {}

  static DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(
        System.getProperty("brighter.jdbc.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"));
    dataSource.setUser(System.getProperty("brighter.jdbc.postgres.user", "postgres"));
    dataSource.setPassword(System.getProperty("brighter.jdbc.postgres.password", ""));
    return dataSource;
  }
}
