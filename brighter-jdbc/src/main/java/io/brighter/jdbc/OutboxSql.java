package io.brighter.jdbc;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outbox's SQL for one dialect and one (validated) table name, made once per outbox.
 *
 * @param insert the insert of {@link #ROWS_PER_INSERT} messages that ignores duplicate message ids
 * @param select the columns {@link MessageRows#read} reads, from the table, before a WHERE clause
 * @param outstanding outstanding messages old enough, oldest first, a page
 * @param claimSelect like {@code outstanding}, skipping leased rows and rows whose partition key
 *     waits on an earlier one, locking the rows it returns; {@link #TOPICS} and {@link #BLOCKING}
 *     mark where the filters on excluded topics go
 * @param claimUpdateReturning the SQLite claim: leases a page and returns its rows, as {@code
 *     claimSelect} chooses them
 * @param dispatched dispatched messages sent long enough ago, oldest dispatch first, a page
 * @param count how many messages are outstanding
 * @param causedBy the messages with a causation id, oldest first
 * @param table the table name
 * @param insertOne the insert of one message
 * @param dialect the dialect the SQL is written in
 * @param schedule the insert of one scheduled message (its columns, then its due time) that
 *     replaces a stored message of the same id
 * @param promote makes the scheduled messages due by a time (its parameter) outstanding
 * @param reschedule moves a scheduled message not yet due: parameters due time, id, now
 * @param cancelScheduled deletes a scheduled message not yet due: parameters id, now
 */
record OutboxSql(
    String insert,
    String select,
    String outstanding,
    String claimSelect,
    String claimUpdateReturning,
    String dispatched,
    String count,
    String causedBy,
    String table,
    String insertOne,
    SqlDialect dialect,
    String schedule,
    String promote,
    String reschedule,
    String cancelScheduled) {

  static final String COLUMNS =
      """
      MessageId, Topic, MessageType, Timestamp, CorrelationId, ReplyTo, ContentType, \
      PartitionKey, HeaderBag, Body, Source, Type, DataSchema, Subject, TraceParent, TraceState, \
      Baggage, DataRef, CausationId, SpecVersion, HandledCount, DelayMilliseconds""";

  static final int COLUMN_COUNT = COLUMNS.split(",", -1).length;

  /** What scheduling a stored message replaces: every column but its id, and its due time. */
  private static final List<String> SCHEDULE_REPLACES =
      Stream.concat(
              Arrays.stream(COLUMNS.split(",", -1)).map(String::strip).skip(1), Stream.of("DueAt"))
          .toList();

  /**
   * The most messages one insert statement writes: a batch of messages goes as multi-row inserts,
   * which cost the database far less per row than one statement per message.
   */
  static final int ROWS_PER_INSERT = 32;

  /** Where a claim's filter on excluded topics goes. */
  private static final String TOPICS = "/*topics*/";

  /** Where a claim's test for an earlier message of an excluded topic goes. */
  private static final String BLOCKING = "/*blocking*/";

  static OutboxSql of(SqlDialect dialect, String table) {
    String select = "SELECT " + COLUMNS + " FROM " + table;
    String claimable =
        """
        WHERE o.Dispatched IS NULL AND o.DueAt IS NULL AND o.Timestamp <= ? \
        AND (o.LeasedUntil IS NULL OR o.LeasedUntil <= ?)/*topics*/ \
        AND (o.PartitionKey IS NULL OR o.PartitionKey = '' OR NOT EXISTS (SELECT 1 FROM %1$s e \
        WHERE e.PartitionKey = o.PartitionKey AND e.Dispatched IS NULL AND e.DueAt IS NULL \
        AND e.%2$s < o.%2$s AND (e.Timestamp > o.Timestamp OR e.LeasedUntil > ?/*blocking*/))) \
        ORDER BY o.Timestamp, o.%2$s LIMIT ?"""
            .formatted(table, dialect.sequenceColumn());
    return new OutboxSql(
        insertOf(dialect, table, ROWS_PER_INSERT),
        select,
        select
            + " WHERE Dispatched IS NULL AND DueAt IS NULL AND Timestamp <= ?"
            + " ORDER BY Timestamp LIMIT ?",
        select + " o " + claimable + dialect.lockSkippingLocked(),
        """
        UPDATE %1$s SET LeasedUntil = ? WHERE MessageId IN \
        (SELECT o.MessageId FROM %1$s o %2$s) RETURNING %3$s, %4$s"""
            .formatted(table, claimable, COLUMNS, dialect.sequenceColumn()),
        select + " WHERE Dispatched IS NOT NULL AND Dispatched <= ? ORDER BY Dispatched LIMIT ?",
        "SELECT COUNT(*) FROM " + table + " WHERE Dispatched IS NULL AND DueAt IS NULL",
        select + " WHERE CausationId = ? ORDER BY Timestamp",
        table,
        insertOf(dialect, table, 1),
        dialect,
        "INSERT INTO %s (%s, DueAt) VALUES (%s)"
                .formatted(table, COLUMNS, Jdbc.placeholders(COLUMN_COUNT + 1))
            + dialect.replacingDuplicate("MessageId", SCHEDULE_REPLACES),
        "UPDATE " + table + " SET DueAt = NULL WHERE Dispatched IS NULL AND DueAt <= ?",
        "UPDATE "
            + table
            + " SET DueAt = ? WHERE MessageId = ? AND Dispatched IS NULL AND DueAt > ?",
        "DELETE FROM " + table + " WHERE MessageId = ? AND Dispatched IS NULL AND DueAt > ?");
  }

  /**
   * The claim by select-for-update, leaving out {@code excludedTopics} topics: parameters cutoff,
   * now, the topics, now, the topics again, then the page size. A message whose partition key has
   * an earlier outstanding message that cannot be claimed with it (leased, younger, or of an
   * excluded topic) is left for a later claim, so each key's messages go in the order they were
   * stored.
   */
  String claimSelect(int excludedTopics) {
    return withTopicFilters(claimSelect, excludedTopics);
  }

  /**
   * The claim by update-returning, leaving out {@code excludedTopics} topics, as {@link
   * #claimSelect}: parameters lease end, then those of {@link #claimSelect}. The rows come back
   * with the sequence column last.
   */
  String claimUpdateReturning(int excludedTopics) {
    return withTopicFilters(claimUpdateReturning, excludedTopics);
  }

  private static String withTopicFilters(String claim, int count) {
    return count == 0
        ? claim.replace(TOPICS, "").replace(BLOCKING, "")
        : claim
            .replace(TOPICS, " AND o.Topic NOT IN (" + Jdbc.placeholders(count) + ")")
            .replace(BLOCKING, " OR e.Topic IN (" + Jdbc.placeholders(count) + ")");
  }

  /**
   * The insert of {@code rows} messages ({@link #insert} when that is {@link #ROWS_PER_INSERT}).
   */
  String insert(int rows) {
    return switch (rows) {
      case ROWS_PER_INSERT -> insert;
      case 1 -> insertOne;
      default -> insertOf(dialect, table, rows);
    };
  }

  private static String insertOf(SqlDialect dialect, String table, int rows) {
    String row = "(" + Jdbc.placeholders(COLUMN_COUNT) + ")";
    return "INSERT INTO %s (%s) VALUES %s"
            .formatted(table, COLUMNS, String.join(", ", Collections.nCopies(rows, row)))
        + dialect.ignoreDuplicate("MessageId");
  }

  /** Gives back the claims of {@code count} outstanding messages, by id. */
  String releaseIn(int count) {
    return "UPDATE %s SET LeasedUntil = NULL WHERE Dispatched IS NULL AND %s"
        .formatted(table, dialect.messageIdAmong(count));
  }

  /** The messages whose ids are among {@code count} parameters. */
  String selectIn(int count) {
    return select + " WHERE " + dialect.messageIdAmong(count);
  }

  /** Marks {@code count} messages dispatched: parameters dispatchedAt, then the ids. */
  String markDispatchedIn(int count) {
    return "UPDATE %s SET Dispatched = ?, LeasedUntil = NULL WHERE %s"
        .formatted(table, dialect.messageIdAmong(count));
  }

  /** Leases {@code count} messages: parameters leasedUntil, then the ids. */
  String leaseIn(int count) {
    return "UPDATE %s SET LeasedUntil = ? WHERE %s".formatted(table, dialect.messageIdAmong(count));
  }

  /** Deletes {@code count} messages by id. */
  String deleteIn(int count) {
    return "DELETE FROM %s WHERE %s".formatted(table, dialect.messageIdAmong(count));
  }
}
