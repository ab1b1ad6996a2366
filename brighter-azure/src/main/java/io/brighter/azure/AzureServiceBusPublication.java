package io.brighter.azure;

/**
 * The Service Bus settings of a publication, carried beside the core {@link
 * io.brighter.messaging.Publication}: whether its topic is a Service Bus topic (the default, read
 * through subscriptions) or a queue, and the largest message it sends.
 *
 * {@snippet :
 * var producer = new AzureServiceBusMessageProducer(bus, publication,
 *     AzureServiceBusPublication.DEFAULT.withUseServiceBusQueue(true));
 * }
 *
 * @param useServiceBusQueue whether the publication's topic names a queue rather than a topic
 * @param maxMessageBytes the largest message sent: 256 KiB on the Standard tier, up to 100 MiB on
 *     Premium
 */
public record AzureServiceBusPublication(boolean useServiceBusQueue, long maxMessageBytes) {

  /** A Standard tier message's limit, 256 KiB. */
  public static final long STANDARD_MAX_MESSAGE_BYTES = 262_144;

  /** A topic, and the Standard tier's limit. */
  public static final AzureServiceBusPublication DEFAULT =
      new AzureServiceBusPublication(false, STANDARD_MAX_MESSAGE_BYTES);

  /** Checks the limit is positive. */
  public AzureServiceBusPublication {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
  }

  /** These settings, sending to a queue when {@code value}. */
  public AzureServiceBusPublication withUseServiceBusQueue(boolean value) {
    return new AzureServiceBusPublication(value, maxMessageBytes);
  }

  /** These settings with the limit {@code value}. */
  public AzureServiceBusPublication withMaxMessageBytes(long value) {
    return new AzureServiceBusPublication(useServiceBusQueue, value);
  }
}
