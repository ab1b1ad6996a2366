/**
 * Throughput harnesses of the JDBC outbox on a real PostgreSQL: business transactions with and
 * without a deposited message, bulk deposits, and the sweeper's drain of a backlog.
 */
package io.brighter.benchmarks.jdbc;
