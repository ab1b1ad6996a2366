package io.brighter.aws;

/**
 * FIFO queues, point to point, keep the transport contract, order included: a FIFO queue takes no
 * delay per message, so a delayed send goes through the scheduler and a delayed requeue hides the
 * message in its place.
 */
class SqsFifoTransportContractIT extends SqsTransportContractIT {

  @Override
  boolean fifo() {
    return true;
  }
}
