package io.brighter.outbox;

/**
 * What a command processor's outbox offers to those who tend it rather than post through it: the
 * sweep that sends what stays outstanding. An {@link OutboxSweeper} runs it every interval; get it
 * from {@link io.brighter.CommandProcessor#outboxOperations()}.
 *
 * {@snippet :
 * OutboxOperations operations = commandProcessor.outboxOperations();
 * int sent = operations.sweep(SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO));
 * }
 *
 * <p>Thread-safe; sweeps from several threads or processes may run at once, each claiming its own
 * messages.
 */
public interface OutboxOperations {

  /**
   * Claims and sends up to {@code settings.batchSize()} messages outstanding for at least {@code
   * settings.minimumAge()}, oldest first, leaving out topics whose sends failed within the last
   * {@code settings.topicCooldownSweeps()} sweeps; gives back the claims of those it did not send,
   * and returns once the broker's word on the others is recorded (at most the lease).
   *
   * @return how many messages were sent
   */
  int sweep(SweepSettings settings);
}
