package io.brighter.operations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a list of messages: an outbox's outstanding ones or a dead-letter queue's.
 *
 * @param id the message's id
 * @param topic the topic it goes to (outbox) or was rejected from (dead letter), when known
 * @param type the message type, such as {@code MT_EVENT}
 * @param timestamp when it was made (outbox) or rejected (dead letter), when known
 * @param reason why it was rejected, for a dead letter that says
 * @param redriveCount how many times it was re-driven before; 0 for outbox messages
 * @param bodyBytes the body's size
 */
public record MessageSummary(
    String id,
    @Nullable String topic,
    String type,
    @Nullable Instant timestamp,
    @Nullable String reason,
    int redriveCount,
    int bodyBytes) {}
