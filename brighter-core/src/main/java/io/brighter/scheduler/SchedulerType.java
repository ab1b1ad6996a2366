package io.brighter.scheduler;

/**
 * Which command processor call a scheduled request replays when it falls due.
 *
 * {@snippet :
 * Id job = scheduler.schedule(new RemindCustomer(Id.random(), "Ada"), SchedulerType.SEND, at);
 * }
 */
public enum SchedulerType {
  /** {@code CommandProcessor.send}: the command's one handler runs. */
  SEND,
  /** {@code CommandProcessor.publish}: every handler of the event runs. */
  PUBLISH,
  /** {@code CommandProcessor.post}: the request goes through the outbox to the broker. */
  POST
}
