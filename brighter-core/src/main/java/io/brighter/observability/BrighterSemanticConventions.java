package io.brighter.observability;

/**
 * The names of the span attributes Brighter sets beyond OpenTelemetry's messaging conventions, the
 * same as .NET Brighter's so that dashboards work for services written with either.
 */
public final class BrighterSemanticConventions {

  /** The instrumentation scope name of Brighter's spans. */
  public static final String INSTRUMENTATION_NAME = "io.brighter";

  /** What the command processor did: {@code send}, {@code publish}, {@code deposit} and so on. */
  public static final String OPERATION = "paramore.brighter.operation";

  /** The id of the request a span is about. */
  public static final String REQUEST_ID = "paramore.brighter.requestid";

  /** The fully qualified class name of the request a span is about. */
  public static final String REQUEST_TYPE = "paramore.brighter.requesttype";

  /** How many requests or messages a batch operation (bulk deposit, clear, sweep) covered. */
  public static final String BATCH_SIZE = "paramore.brighter.batch_size";

  /** How many times a consumed message had been handled before this delivery. */
  public static final String HANDLED_COUNT = "paramore.brighter.handled_count";

  /** The class of the outbox or inbox a store span called, e.g. {@code JdbcOutbox}. */
  public static final String STORE = "paramore.brighter.store";

  private BrighterSemanticConventions() {}
}
