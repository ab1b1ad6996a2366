package io.brighter.aws;

/**
 * The publish-subscribe contract on a FIFO topic feeding a FIFO queue: order per message group end
 * to end; the handled count is at least SQS's count of deliveries, so a nack counts.
 */
class SnsFifoTransportContractIT extends SnsTransportContractIT {

  @Override
  SqsSubscription subscription() {
    return SqsSubscription.DEFAULT.withFifo(true);
  }

  /** One message group per partition key keeps the order, topic to queue. */
  @Override
  protected boolean preservesOrder() {
    return true;
  }

  @Override
  protected boolean nackKeepsTheHandledCount() {
    return false;
  }
}
