package io.brighter.jdbc;

/**
 * The outbox's SQL for one dialect and one (validated) table name, made once per outbox.
 *
 * @param insert the insert of one message that ignores a duplicate message id
 * @param select the columns {@link MessageRows#read} reads, from the table, before a WHERE clause
 * @param outstanding outstanding messages old enough, oldest first, a page
 * @param claimSelect like {@code outstanding}, skipping leased rows, locking the rows it returns;
 *     {@link #TOPICS} marks where a filter on excluded topics goes
 * @param claimUpdateReturning the SQLite claim: leases a page and returns its rows; {@link #TOPICS}
 *     marks where a filter on excluded topics goes
 * @param dispatched dispatched messages sent long enough ago, oldest dispatch first, a page
 * @param count how many messages are outstanding
 * @param causedBy the messages with a causation id, oldest first
 * @param table the table name
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
    String table) {

  static final String COLUMNS =
      """
      MessageId, Topic, MessageType, Timestamp, CorrelationId, ReplyTo, ContentType, \
      PartitionKey, HeaderBag, Body, Source, Type, DataSchema, Subject, TraceParent, TraceState, \
      Baggage, DataRef, CausationId, SpecVersion, HandledCount, DelayMilliseconds""";

  static final int COLUMN_COUNT = COLUMNS.split(",", -1).length;

  /** Where a claim's filter on excluded topics goes. */
  private static final String TOPICS = "/*topics*/";

  static OutboxSql of(SqlDialect dialect, String table) {
    String select = "SELECT " + COLUMNS + " FROM " + table;
    String oldestOutstanding =
        """
        WHERE Dispatched IS NULL AND Timestamp <= ? \
        AND (LeasedUntil IS NULL OR LeasedUntil <= ?)/*topics*/ ORDER BY Timestamp LIMIT ?""";
    return new OutboxSql(
        "INSERT INTO %s (%s) VALUES (%s)".formatted(table, COLUMNS, Jdbc.placeholders(COLUMN_COUNT))
            + dialect.ignoreDuplicate("MessageId"),
        select,
        select + " WHERE Dispatched IS NULL AND Timestamp <= ? ORDER BY Timestamp LIMIT ?",
        select + " " + oldestOutstanding + dialect.lockSkippingLocked(),
        """
        UPDATE %1$s SET LeasedUntil = ? WHERE MessageId IN \
        (SELECT MessageId FROM %1$s %2$s) RETURNING %3$s"""
            .formatted(table, oldestOutstanding, COLUMNS),
        select + " WHERE Dispatched IS NOT NULL AND Dispatched <= ? ORDER BY Dispatched LIMIT ?",
        "SELECT COUNT(*) FROM " + table + " WHERE Dispatched IS NULL",
        select + " WHERE CausationId = ? ORDER BY Timestamp",
        table);
  }

  /**
   * The claim by select-for-update, leaving out {@code excludedTopics} topics: parameters cutoff,
   * now, the topics, then the page size.
   */
  String claimSelect(int excludedTopics) {
    return claimSelect.replace(TOPICS, topicFilter(excludedTopics));
  }

  /**
   * The claim by update-returning, leaving out {@code excludedTopics} topics: parameters lease end,
   * cutoff, now, the topics, then the page size.
   */
  String claimUpdateReturning(int excludedTopics) {
    return claimUpdateReturning.replace(TOPICS, topicFilter(excludedTopics));
  }

  private static String topicFilter(int count) {
    return count == 0 ? "" : " AND Topic NOT IN (" + Jdbc.placeholders(count) + ")";
  }

  /** Gives back the claims of {@code count} outstanding messages, by id. */
  String releaseIn(int count) {
    return "UPDATE %s SET LeasedUntil = NULL WHERE Dispatched IS NULL AND MessageId IN (%s)"
        .formatted(table, Jdbc.placeholders(count));
  }

  /** The messages whose ids are among {@code count} parameters. */
  String selectIn(int count) {
    return select + " WHERE MessageId IN (" + Jdbc.placeholders(count) + ")";
  }

  /** Marks {@code count} messages dispatched: parameters dispatchedAt, then the ids. */
  String markDispatchedIn(int count) {
    return "UPDATE %s SET Dispatched = ?, LeasedUntil = NULL WHERE MessageId IN (%s)"
        .formatted(table, Jdbc.placeholders(count));
  }

  /** Leases {@code count} messages: parameters leasedUntil, then the ids. */
  String leaseIn(int count) {
    return "UPDATE %s SET LeasedUntil = ? WHERE MessageId IN (%s)"
        .formatted(table, Jdbc.placeholders(count));
  }

  /** Deletes {@code count} messages by id. */
  String deleteIn(int count) {
    return "DELETE FROM %s WHERE MessageId IN (%s)".formatted(table, Jdbc.placeholders(count));
  }
}
