package io.brighter.messaging;

/**
 * The {@link io.brighter.RequestContext#bag()} keys that mappers read when they turn a request into
 * a message, so a caller can shape the message without writing a mapper.
 *
 * {@snippet :
 * RequestContext context = new RequestContext();
 * context.bag().put(ContextBagKeys.PARTITION_KEY, "customer-42");
 * context.bag().put(ContextBagKeys.CORRELATION_ID, command.id());
 * context.bag().put(ContextBagKeys.HEADERS, Map.of("tenant", "acme"));
 * commandProcessor.post(new GreetingAdded(Id.random(), "Ada"), context);
 * }
 */
public final class ContextBagKeys {

  /** The partition key of the message (a {@code String}; other values use their text). */
  public static final String PARTITION_KEY = "Brighter-PartitionKey";

  /** The correlation id of the message: an {@link io.brighter.Id} or its {@code String} text. */
  public static final String CORRELATION_ID = "Brighter-CorrelationId";

  /** A {@code Map} of extra entries for the message header's bag. */
  public static final String HEADERS = "Brighter-Headers";

  /**
   * The id of the request whose handling caused the messages posted with this context: an {@link
   * io.brighter.Id} or its {@code String} text. The inbox middleware sets it to the request's id;
   * the outbox records it on every message deposited with the context, under {@link
   * HeaderNames#CAUSATION_ID}, so {@code OnceOnlyAction.REPLAY} can find them again.
   */
  public static final String CAUSATION_ID = "Brighter-CausationId";

  private ContextBagKeys() {}
}
