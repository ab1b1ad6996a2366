package io.brighter.azure;

/** The Service Bus transport on queues keeps every rule of the transport contract. */
class AzureServiceBusQueueTransportContractIT extends AzureServiceBusTransportContractIT {

  @Override
  boolean queues() {
    return true;
  }
}
