package io.brighter.rabbitmq;

/** The kind of queue a subscription declares ({@code x-queue-type}). */
public enum RmqQueueType {
  /** A classic queue: one copy of each message on one node. */
  CLASSIC,
  /** A quorum queue: replicated with Raft; always durable. */
  QUORUM;

  /** The value of the {@code x-queue-type} argument. */
  public String argument() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
