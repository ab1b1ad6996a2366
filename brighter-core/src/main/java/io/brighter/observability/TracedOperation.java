package io.brighter.observability;

/** What a span of Brighter's records; its name is the operation's {@link #label()}. */
public enum TracedOperation {
  /** A command sent to its handler. */
  SEND("send"),
  /** An event published to its handlers. */
  PUBLISH("publish"),
  /** A request deposited in the outbox and sent at once. */
  POST("post"),
  /** Requests mapped to messages and stored in the outbox. */
  DEPOSIT("deposit"),
  /** Stored messages sent by id. */
  CLEAR("clear"),
  /** Outstanding messages claimed and sent by the sweeper. */
  SWEEP("sweep"),
  /** A message handed to a producer. */
  PRODUCE("publish"),
  /** A consumed message mapped and handled. */
  PROCESS("process");

  private final String label;

  TracedOperation(String label) {
    this.label = label;
  }

  /** The operation's name in span names and in {@link BrighterSemanticConventions#OPERATION}. */
  public String label() {
    return label;
  }
}
