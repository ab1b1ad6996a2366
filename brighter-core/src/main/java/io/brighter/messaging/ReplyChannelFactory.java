package io.brighter.messaging;

/**
 * Opens the private channel a {@link io.brighter.CommandProcessor#call} waits on for its reply.
 * Each call opens one, named by a fresh routing key, and closes it when the call ends.
 *
 * {@snippet :
 * ReplyChannelFactory replies = replyTo -> new InMemoryMessageConsumer(bus, replyTo);
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(registry, handlerFactory)
 *     .externalBus(externalBus)
 *     .replyChannels(replies)
 *     .build();
 * }
 *
 * <p>Called from the thread making the call; implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReplyChannelFactory {

  /** A consumer of the messages published to {@code replyTo}, created if the broker needs it. */
  MessageConsumer open(RoutingKey replyTo);
}
