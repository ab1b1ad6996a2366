package io.brighter.rabbitmq;

/** What a queue with a maximum length does when it is full ({@code x-overflow}). */
public enum RmqOverflow {
  /** Drop the oldest message (RabbitMQ's default). */
  DROP_HEAD("drop-head"),
  /**
   * Refuse new messages: the broker nacks the publish, so a message sent from an outbox stays there
   * for the sweeper instead of being lost.
   */
  REJECT_PUBLISH("reject-publish"),
  /** Refuse new messages and dead-letter them (classic queues only). */
  REJECT_PUBLISH_DLX("reject-publish-dlx");

  private final String argument;

  RmqOverflow(String argument) {
    this.argument = argument;
  }

  /** The value of the {@code x-overflow} argument. */
  public String argument() {
    return argument;
  }
}
