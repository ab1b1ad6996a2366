package io.brighter.aws;

/**
 * The publish-subscribe contract again with the subscription delivering SNS's notification envelope
 * (no raw delivery), which the consumer reads from inside.
 */
class SnsEnvelopeTransportContractIT extends SnsTransportContractIT {

  @Override
  SqsSubscription subscription() {
    return SqsSubscription.DEFAULT.withRawMessageDelivery(false);
  }
}
