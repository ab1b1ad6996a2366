package io.brighter.messaging;

/**
 * The names of well-known entries in a message header's bag, shared by every transport and store,
 * and matching .NET Brighter's so that services written with either can exchange messages. Each
 * transport keeps the names of its own wire headers beside it.
 */
public final class HeaderNames {

  /** The id of the message a requeued copy was made from. */
  public static final String ORIGINAL_MESSAGE_ID = "x-original-message-id";

  /** Why a consumer rejected the message; set on dead-lettered messages. */
  public static final String REJECTION_REASON = "RejectionReason";

  /** The topic a dead-lettered message was rejected from. */
  public static final String ORIGINAL_TOPIC = "OriginalTopic";

  /** The message type a dead-lettered message had, e.g. {@code MT_EVENT}. */
  public static final String ORIGINAL_TYPE = "OriginalType";

  /** When a dead-lettered message was rejected, RFC 3339. */
  public static final String REJECTION_TIMESTAMP = "RejectionTimestamp";

  /**
   * How many times a message was re-driven from a dead-letter queue back to its topic; set on each
   * re-driven copy.
   */
  public static final String REDRIVE_COUNT = "RedriveCount";

  /**
   * Why a transport could not read a delivery: set by the consumer on the {@link
   * MessageType#UNACCEPTABLE} message it makes of it, named in the reason the pump rejects it with,
   * and kept on the dead-letter copy so an operator sees which header or body was wrong.
   */
  public static final String UNREADABLE_REASON = "UnreadableReason";

  /**
   * The publication topic when a mapper routed the message elsewhere (a reply address, say), so the
   * producer can still be found. Kept locally: never sent on the wire.
   */
  public static final String PRODUCER_TOPIC = "paramore.brighter.ProducerTopic";

  /**
   * The id of the request whose handling posted this message, copied from the context bag's {@link
   * ContextBagKeys#CAUSATION_ID}; what {@link io.brighter.outbox.Outbox#messagesCausedBy} matches.
   */
  public static final String CAUSATION_ID = "causationId";

  private HeaderNames() {}
}
