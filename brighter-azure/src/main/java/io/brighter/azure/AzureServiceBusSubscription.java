package io.brighter.azure;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Service Bus settings of a subscription, carried beside the core {@link
 * io.brighter.messaging.Subscription}: whether it reads a queue or a topic's subscription, and the
 * settings a queue or subscription is made with, .NET Brighter's defaults unless changed.
 *
 * {@snippet :
 * var factory = new AzureServiceBusChannelFactory(bus,
 *     AzureServiceBusSubscription.DEFAULT
 *         .withMaxDeliveryCount(10)
 *         .withSqlFilter("MessageType = 'MT_EVENT'"));
 * }
 *
 * @param useServiceBusQueue whether the routing key names a queue to read, rather than a topic
 *     whose subscription (named after the channel) is read
 * @param maxDeliveryCount the deliveries after which Service Bus dead-letters a message itself
 *     ({@code MaxDeliveryCountExceeded}); 5
 * @param lockDuration how long a received message stays locked; 1 minute (at most 5)
 * @param defaultMessageTimeToLive how long a message lives unreceived; 3 days
 * @param deadLetteringOnMessageExpiration whether an expired message is dead-lettered; true
 * @param autoDeleteOnIdle how long the queue or subscription may sit idle before Service Bus
 *     deletes it; never ({@link Duration#ZERO} for the service's maximum)
 * @param requireSession whether the queue or subscription requires sessions: messages with one
 *     partition key (the session id) are then read by one consumer at a time, in order; false
 * @param sqlFilter the SQL filter of the subscription's rule; empty for every message
 * @param maxAutoLockRenewDuration how long the receiver renews a message's lock while its handler
 *     runs; zero (off, as .NET Brighter) so a handler slower than the lock loses it, and the
 *     message comes again
 */
public record AzureServiceBusSubscription(
    boolean useServiceBusQueue,
    int maxDeliveryCount,
    Duration lockDuration,
    Duration defaultMessageTimeToLive,
    boolean deadLetteringOnMessageExpiration,
    Duration autoDeleteOnIdle,
    boolean requireSession,
    String sqlFilter,
    Duration maxAutoLockRenewDuration) {

  /** .NET Brighter's defaults: a topic's subscription, five deliveries, a one-minute lock. */
  public static final AzureServiceBusSubscription DEFAULT =
      new AzureServiceBusSubscription(
          false,
          5,
          Duration.ofMinutes(1),
          Duration.ofDays(3),
          true,
          Duration.ZERO,
          false,
          "",
          Duration.ZERO);

  /** Checks the settings are ones Service Bus takes. */
  public AzureServiceBusSubscription {
    if (maxDeliveryCount < 1) {
      throw new IllegalArgumentException(
          "maxDeliveryCount must be at least 1: " + maxDeliveryCount);
    }
    requireNonNull(lockDuration, "lockDuration must not be null");
    if (lockDuration.compareTo(Duration.ofSeconds(5)) < 0
        || lockDuration.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "lockDuration must be 5 seconds to 5 minutes on Service Bus: " + lockDuration);
    }
    requireNonNull(defaultMessageTimeToLive, "defaultMessageTimeToLive must not be null");
    requireNonNull(autoDeleteOnIdle, "autoDeleteOnIdle must not be null");
    requireNonNull(sqlFilter, "sqlFilter must not be null");
    requireNonNull(maxAutoLockRenewDuration, "maxAutoLockRenewDuration must not be null");
    if (maxAutoLockRenewDuration.isNegative()) {
      throw new IllegalArgumentException(
          "maxAutoLockRenewDuration must not be negative: " + maxAutoLockRenewDuration);
    }
  }

  /** These settings, reading a queue when {@code value}. */
  public AzureServiceBusSubscription withUseServiceBusQueue(boolean value) {
    return with(parts -> parts.useServiceBusQueue = value);
  }

  /** These settings with the maximum delivery count {@code value}. */
  public AzureServiceBusSubscription withMaxDeliveryCount(int value) {
    return with(parts -> parts.maxDeliveryCount = value);
  }

  /** These settings with the lock duration {@code value}. */
  public AzureServiceBusSubscription withLockDuration(Duration value) {
    return with(parts -> parts.lockDuration = value);
  }

  /** These settings with the message time to live {@code value}. */
  public AzureServiceBusSubscription withDefaultMessageTimeToLive(Duration value) {
    return with(parts -> parts.defaultMessageTimeToLive = value);
  }

  /** These settings, dead-lettering expired messages when {@code value}. */
  public AzureServiceBusSubscription withDeadLetteringOnMessageExpiration(boolean value) {
    return with(parts -> parts.deadLetteringOnMessageExpiration = value);
  }

  /** These settings with the idle time before deletion {@code value}. */
  public AzureServiceBusSubscription withAutoDeleteOnIdle(Duration value) {
    return with(parts -> parts.autoDeleteOnIdle = value);
  }

  /** These settings, requiring sessions when {@code value}. */
  public AzureServiceBusSubscription withRequireSession(boolean value) {
    return with(parts -> parts.requireSession = value);
  }

  /** These settings with the subscription's SQL filter {@code value}. */
  public AzureServiceBusSubscription withSqlFilter(String value) {
    return with(parts -> parts.sqlFilter = value);
  }

  /** These settings with the receiver's lock renewal {@code value}. */
  public AzureServiceBusSubscription withMaxAutoLockRenewDuration(Duration value) {
    return with(parts -> parts.maxAutoLockRenewDuration = value);
  }

  /** These settings with the changes {@code change} makes to a copy of their parts. */
  private AzureServiceBusSubscription with(Consumer<Parts> change) {
    Parts parts = new Parts(this);
    change.accept(parts);
    return new AzureServiceBusSubscription(
        parts.useServiceBusQueue,
        parts.maxDeliveryCount,
        parts.lockDuration,
        parts.defaultMessageTimeToLive,
        parts.deadLetteringOnMessageExpiration,
        parts.autoDeleteOnIdle,
        parts.requireSession,
        parts.sqlFilter,
        parts.maxAutoLockRenewDuration);
  }

  /** The parts of a subscription's settings, to change one or two in a copy. */
  private static final class Parts {
    boolean useServiceBusQueue;
    int maxDeliveryCount;
    Duration lockDuration;
    Duration defaultMessageTimeToLive;
    boolean deadLetteringOnMessageExpiration;
    Duration autoDeleteOnIdle;
    boolean requireSession;
    String sqlFilter;
    Duration maxAutoLockRenewDuration;

    Parts(AzureServiceBusSubscription settings) {
      useServiceBusQueue = settings.useServiceBusQueue;
      maxDeliveryCount = settings.maxDeliveryCount;
      lockDuration = settings.lockDuration;
      defaultMessageTimeToLive = settings.defaultMessageTimeToLive;
      deadLetteringOnMessageExpiration = settings.deadLetteringOnMessageExpiration;
      autoDeleteOnIdle = settings.autoDeleteOnIdle;
      requireSession = settings.requireSession;
      sqlFilter = settings.sqlFilter;
      maxAutoLockRenewDuration = settings.maxAutoLockRenewDuration;
    }
  }
}
