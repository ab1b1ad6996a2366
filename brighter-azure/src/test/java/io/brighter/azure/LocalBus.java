package io.brighter.azure;

import io.brighter.azure.local.LocalServiceBus;

/** The tests' Service Bus: this JVM's {@link LocalServiceBus}. */
final class LocalBus {

  /** The configuration of the local namespace. */
  static final AzureServiceBusConfiguration CONFIGURATION =
      AzureServiceBusConfiguration.builder()
          .connectionString(LocalServiceBus.shared().connectionString())
          .administrationPolicy(LocalServiceBus.shared().administrationPolicy())
          .build();

  private LocalBus() {}
}
