package io.brighter.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code brighter.*} settings of the auto-configuration. Spring binds them from the
 * application's properties; every one has a default, so an application sets only what it changes.
 *
 * {@snippet lang = "properties" :
 * brighter.outbox.table-name=greetings_outbox
 * brighter.sweeper.minimum-age=10s
 * brighter.dispatcher.shutdown-timeout=30s
 * }
 *
 * @param outbox The relational outbox made on the application's {@code DataSource}
 * @param inbox The relational inbox made on the application's {@code DataSource}
 * @param sweeper The outbox sweeper, which sends what was deposited but not yet sent
 * @param archiver The outbox archiver, which moves dispatched messages to the archive provider
 * @param dispatcher The dispatcher, which runs the message pumps of the subscription beans
 * @param health The health indicators of the dispatcher and the outbox
 * @param operations The operations endpoint and its web console
 */
@ConfigurationProperties("brighter")
public record BrighterProperties(
    @DefaultValue Outbox outbox,
    @DefaultValue Inbox inbox,
    @DefaultValue Sweeper sweeper,
    @DefaultValue Archiver archiver,
    @DefaultValue Dispatcher dispatcher,
    @DefaultValue Health health,
    @DefaultValue Operations operations) {

  /**
   * The outbox.
   *
   * @param tableName The outbox table of the JDBC outbox
   * @param createTable Whether to create the outbox table at start-up when it is missing
   * @param dialect The SQL dialect of the JDBC outbox and inbox: postgres, mysql or sqlite; found
   *     from the database when not set
   * @param maxOutstandingMessages The most undispatched messages the outbox may hold before a
   *     deposit fails with OutboxLimitReachedException; 0 means no limit
   * @param sendAfterCommit Where TransactionalPoster sends after the commit: background (the caller
   *     never waits for the broker) or caller (the committing thread waits for it)
   * @param sendAfterCommitBacklog The most sends after commit that wait in the background; beyond
   *     it the sweeper sends them
   */
  public record Outbox(
      @DefaultValue("outbox") String tableName,
      @DefaultValue("true") boolean createTable,
      @Nullable String dialect,
      @DefaultValue("0") int maxOutstandingMessages,
      @DefaultValue("background") SendAfterCommit sendAfterCommit,
      @DefaultValue("10000") int sendAfterCommitBacklog) {}

  /** Where the send after a commit runs. */
  public enum SendAfterCommit {
    /** On a thread of its own: the committing caller returns at once. */
    BACKGROUND,
    /** On the committing thread, which returns once the broker took the messages. */
    CALLER
  }

  /**
   * The inbox.
   *
   * @param enabled Whether to make a JDBC inbox on the application's DataSource
   * @param tableName The inbox table of the JDBC inbox
   * @param createTable Whether to create the inbox table at start-up when it is missing
   */
  public record Inbox(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("inbox") String tableName,
      @DefaultValue("true") boolean createTable) {}

  /**
   * The outbox sweeper.
   *
   * @param enabled Whether the sweeper runs while the application runs
   * @param interval The time between two sweeps
   * @param minimumAge How long a message must have been outstanding before a sweep sends it
   * @param batchSize The most messages one sweep sends
   * @param lease How long a sweep claims the messages it sends, so other sweepers skip them, and
   *     the most it waits for the broker's word on them
   * @param topicCooldownSweeps For how many sweeps a topic whose send failed is left out while
   *     other topics keep flowing; 0 never leaves one out
   */
  public record Sweeper(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1s") Duration interval,
      @DefaultValue("5s") Duration minimumAge,
      @DefaultValue("100") int batchSize,
      @DefaultValue("30s") Duration lease,
      @DefaultValue("3") int topicCooldownSweeps) {}

  /**
   * The outbox archiver; it runs only when the application defines an ArchiveProvider bean.
   *
   * @param enabled Whether the archiver runs while the application runs
   * @param interval The time between two archiving passes
   * @param dispatchedAge How long ago a message must have been dispatched to be archived
   * @param batchSize The most messages archived in one batch
   */
  public record Archiver(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("15s") Duration interval,
      @DefaultValue("24h") Duration dispatchedAge,
      @DefaultValue("100") int batchSize) {}

  /**
   * The dispatcher.
   *
   * @param enabled Whether the dispatcher runs the pumps of the subscription beans
   * @param shutdownTimeout How long closing the application waits for the pumps to settle the
   *     messages in hand
   */
  public record Dispatcher(
      @DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration shutdownTimeout) {}

  /**
   * The health indicators.
   *
   * @param outboxMaxAge The age of the oldest outstanding message above which the outbox reports
   *     DOWN: five minutes unless set, well beyond the sweeper's pace, so DOWN means messages are
   *     not leaving (the broker away for long); 0 to only report the age
   */
  public record Health(@DefaultValue("5m") Duration outboxMaxAge) {}

  /**
   * The operations API and its console.
   *
   * @param scanLimit The most messages one call reads from an outbox or a dead-letter queue to
   *     count, find or re-drive
   * @param maxBodyChars The most body characters shown; longer bodies are cut
   * @param console Whether to serve the web console at /brighter/console (it reads and acts through
   *     the actuator endpoint brighter, whose writes need
   *     management.endpoint.brighter.access=unrestricted)
   */
  public record Operations(
      @DefaultValue("1000") int scanLimit,
      @DefaultValue("4096") int maxBodyChars,
      @DefaultValue("false") boolean console) {}
}
