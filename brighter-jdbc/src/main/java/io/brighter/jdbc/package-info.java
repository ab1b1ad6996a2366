/**
 * The relational outbox, inbox and unit of work on plain JDBC: {@link io.brighter.jdbc.JdbcOutbox},
 * {@link io.brighter.jdbc.JdbcInbox} and {@link io.brighter.jdbc.JdbcUnitOfWork}, for the databases
 * of {@link io.brighter.jdbc.SqlDialect}. The table DDL ships as resources under {@code
 * io/brighter/jdbc/schema/v1/}, so it can also be handed to Flyway or Liquibase.
 */
@NullMarked
package io.brighter.jdbc;

import org.jspecify.annotations.NullMarked;
