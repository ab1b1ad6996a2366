package io.brighter.azure;

import static java.util.Objects.requireNonNull;

import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusReceiverClientBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusSessionReceiverClientBuilder;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.azure.messaging.servicebus.models.AbandonOptions;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.messaging.servicebus.models.SubQueue;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Service Bus subscription (named after the channel, of the topic named after the routing
 * key) or, with {@link AzureServiceBusSubscription#useServiceBusQueue()}, the queue named after the
 * routing key, in peek-lock mode. The topic, subscription or queue is made, checked or assumed as
 * {@code makeChannels} says, with the subscription's settings and SQL filter.
 *
 * <p><b>Receiving</b> waits up to the receive timeout for up to the buffer size of messages. Each
 * message holds its lock until it is settled (renewed for {@link
 * AzureServiceBusSubscription#maxAutoLockRenewDuration()}, none by default). A delivery that cannot
 * be read becomes an unacceptable message, so the pump dead-letters it.
 *
 * <p><b>Settling.</b> {@link #acknowledge} completes the message. {@link #nack} abandons it, so it
 * comes again at once. {@link #reject} dead-letters it natively, into the entity's {@code
 * $deadletterqueue}, with the rejection's kind as {@code DeadLetterReason}, its description (cut to
 * 4,096 characters) as {@code DeadLetterErrorDescription}, and the rejection headers every
 * transport adds as properties. {@link #requeue} abandons it with its handled count set as a
 * property, so the delivery budget travels with the message and survives restarts; with a delay, a
 * queue's message is scheduled again as a copy (then the original completed), and a subscription's
 * is held under its lock for the delay (at most until a second before the lock ends) and then
 * abandoned, as Service Bus cannot send to one subscription of a topic. Service Bus counts every
 * abandon as a delivery, so its {@link AzureServiceBusSubscription#maxDeliveryCount()} should
 * exceed the subscription's requeue count. A settlement whose lock was lost (a handler slower than
 * the lock) is logged and returns false: the message comes again, the pump goes on.
 *
 * <p><b>Sessions.</b> When {@link AzureServiceBusSubscription#requireSession()}, the consumer reads
 * one session at a time: it accepts the next free session (waiting up to five seconds for one), and
 * lets it go once a receive finds nothing more and nothing is in flight, so a session's messages go
 * to one consumer at a time, in order.
 *
 * <p>{@link #close} abandons every received, unsettled message. A message pump calls the consumer
 * from one thread; {@link #close} may come from another.
 */
public final class AzureServiceBusMessageConsumer implements MessageConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(AzureServiceBusMessageConsumer.class);
  private static final Duration LOCK_MARGIN = Duration.ofSeconds(1);
  private static final int PURGE_ROUNDS = 100;

  /** How long a receive waits for a free session, when the entity requires sessions. */
  private static final Duration SESSION_WAIT = Duration.ofSeconds(5);

  /** This consumer's token for one delivery it handed out. */
  private record ServiceBusReceipt(
      AzureServiceBusMessageConsumer consumer,
      long number,
      ServiceBusReceiverClient receiver,
      ServiceBusReceivedMessage delivery)
      implements Receipt {}

  private final AzureServiceBusConfiguration configuration;
  private final AzureServiceBusSubscription options;
  private final RoutingKey routingKey;
  private final String path;
  private final int bufferSize;
  private final ServiceBusReceivers receivers;
  private final Map<Long, ServiceBusReceipt> inFlight = new ConcurrentHashMap<>();
  private final Map<Long, ServiceBusReceipt> held = new ConcurrentHashMap<>();
  private final AtomicLong deliveryNumbers = new AtomicLong();
  private volatile @Nullable ScheduledExecutorService holds;
  private volatile @Nullable ServiceBusSenderClient requeues;

  /**
   * A consumer of the subscription {@code channelName} of the topic {@code routingKey}, or of the
   * queue {@code routingKey}, returning at most {@code bufferSize} messages a receive. Rejected
   * messages go to the entity's own dead-letter sub-queue, so {@code deadLetterRoutingKey} is not
   * used.
   *
   * @throws io.brighter.ConfigurationException when an entity must exist and does not
   */
  public AzureServiceBusMessageConsumer(
      AzureServiceBusConfiguration configuration,
      AzureServiceBusSubscription options,
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      RoutingKey deadLetterRoutingKey,
      OnMissingChannel makeChannels) {
    this(configuration, options, routingKey, channelName, bufferSize, makeChannels, null);
    requireNonNull(deadLetterRoutingKey, "deadLetterRoutingKey must not be null");
  }

  private AzureServiceBusMessageConsumer(
      AzureServiceBusConfiguration configuration,
      AzureServiceBusSubscription options,
      RoutingKey routingKey,
      String channelName,
      int bufferSize,
      OnMissingChannel makeChannels,
      @Nullable SubQueue subQueue) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
    this.options = requireNonNull(options, "options must not be null");
    this.routingKey = requireNonNull(routingKey, "routingKey must not be null");
    requireNonNull(channelName, "channelName must not be null");
    requireNonNull(makeChannels, "makeChannels must not be null");
    if (bufferSize < 1) {
      throw new IllegalArgumentException("bufferSize must be at least 1: " + bufferSize);
    }
    this.bufferSize = bufferSize;
    ServiceBusEntities entities = new ServiceBusEntities(configuration);
    if (options.useServiceBusQueue()) {
      entities.queue(routingKey.value(), options, makeChannels);
      this.path = routingKey.value();
    } else {
      entities.subscription(routingKey.value(), channelName, options, makeChannels);
      this.path = routingKey.value() + "/subscriptions/" + channelName;
    }
    this.receivers =
        options.requireSession() && subQueue == null
            ? sessions(configuration, options, routingKey, channelName)
            : entity(configuration, options, routingKey, channelName, subQueue);
  }

  private static ServiceBusReceivers entity(
      AzureServiceBusConfiguration configuration,
      AzureServiceBusSubscription options,
      RoutingKey routingKey,
      String channelName,
      @Nullable SubQueue subQueue) {
    ServiceBusReceiverClientBuilder builder =
        configuration
            .clients()
            .receiver()
            .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
            .disableAutoComplete()
            .prefetchCount(0)
            .maxAutoLockRenewDuration(options.maxAutoLockRenewDuration());
    if (options.useServiceBusQueue()) {
      builder.queueName(routingKey.value());
    } else {
      builder.topicName(routingKey.value()).subscriptionName(channelName);
    }
    if (subQueue != null) {
      builder.subQueue(subQueue);
    }
    return new ServiceBusReceivers.Entity(builder.buildClient());
  }

  private static ServiceBusReceivers sessions(
      AzureServiceBusConfiguration configuration,
      AzureServiceBusSubscription options,
      RoutingKey routingKey,
      String channelName) {
    ServiceBusSessionReceiverClientBuilder builder =
        configuration
            .sessionClients(SESSION_WAIT)
            .sessionReceiver()
            .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
            .disableAutoComplete()
            .prefetchCount(0)
            .maxAutoLockRenewDuration(options.maxAutoLockRenewDuration());
    if (options.useServiceBusQueue()) {
      builder.queueName(routingKey.value());
    } else {
      builder.topicName(routingKey.value()).subscriptionName(channelName);
    }
    return new ServiceBusReceivers.Sessions(builder.buildClient());
  }

  /**
   * A consumer of the dead-letter sub-queue of the subscription {@code channelName} of the topic
   * {@code routingKey} (or of the queue {@code routingKey}): where rejected messages, and those
   * Service Bus gave up on, wait; the subscription or queue is made when missing. A dead letter
   * rejected again stays in the sub-queue.
   */
  public static AzureServiceBusMessageConsumer deadLetters(
      AzureServiceBusConfiguration configuration,
      AzureServiceBusSubscription options,
      RoutingKey routingKey,
      String channelName,
      int bufferSize) {
    return new AzureServiceBusMessageConsumer(
        configuration,
        options,
        routingKey,
        channelName,
        bufferSize,
        OnMissingChannel.CREATE,
        SubQueue.DEAD_LETTER_QUEUE);
  }

  /**
   * Up to the buffer size of messages, waiting up to {@code timeout} for them.
   *
   * @throws ChannelFailureException when Service Bus cannot be reached or the entity is missing
   */
  @Override
  public List<Message> receive(Duration timeout) {
    Duration wait = timeout.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : timeout;
    List<Message> messages = new ArrayList<>();
    try {
      ServiceBusReceiverClient receiver = receivers.current();
      if (receiver == null) {
        return messages; // no session is free
      }
      for (ServiceBusReceivedMessage delivery : receiver.receiveMessages(bufferSize, wait)) {
        ServiceBusReceipt receipt =
            new ServiceBusReceipt(this, deliveryNumbers.incrementAndGet(), receiver, delivery);
        inFlight.put(receipt.number(), receipt);
        messages.add(AzureServiceBusWireFormat.toMessage(delivery, routingKey, receipt));
      }
      if (messages.isEmpty() && inFlight.isEmpty() && held.isEmpty()) {
        receivers.idle();
      }
    } catch (RuntimeException e) {
      throw ChannelFailureException.of(path, e);
    }
    return messages;
  }

  /** Completes {@code message}; a lost lock is logged, and the message comes again. */
  @Override
  public void acknowledge(Message message) {
    ServiceBusReceipt receipt = settle(message);
    if (receipt != null) {
      settled(receipt, "complete", () -> receipt.receiver().complete(receipt.delivery()));
    }
  }

  /** Abandons {@code message}, so it comes again at once as it came. */
  @Override
  public boolean nack(Message message) {
    ServiceBusReceipt receipt = settle(message);
    return receipt != null
        && settled(receipt, "abandon", () -> receipt.receiver().abandon(receipt.delivery()));
  }

  /** Dead-letters {@code message} into the entity's dead-letter sub-queue, with the reason. */
  @Override
  public boolean reject(Message message, RejectionReason reason) {
    requireNonNull(reason, "reason must not be null");
    ServiceBusReceipt receipt = settle(message);
    if (receipt == null) {
      return false;
    }
    DeadLetterOptions deadLetter =
        new DeadLetterOptions()
            .setDeadLetterReason(reason.kind().text())
            .setDeadLetterErrorDescription(
                AzureServiceBusWireFormat.deadLetterText(reason.description()))
            .setPropertiesToModify(
                AzureServiceBusWireFormat.rejected(message, reason, Instant.now()));
    return settled(
        receipt,
        "dead-letter",
        () -> receipt.receiver().deadLetter(receipt.delivery(), deadLetter));
  }

  /**
   * Gives {@code message} back with the handled count it carries, after {@code delay}, as the class
   * comment says.
   */
  @Override
  public boolean requeue(Message message, Duration delay) {
    requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    ServiceBusReceipt receipt = settle(message);
    if (receipt == null) {
      return false;
    }
    if (message.header().messageType() == MessageType.UNACCEPTABLE) {
      return settled(receipt, "abandon", () -> receipt.receiver().abandon(receipt.delivery()));
    }
    AbandonOptions counted =
        new AbandonOptions()
            .setPropertiesToModify(
                Map.of(AzureServiceBusHeaderNames.HANDLED_COUNT, message.header().handledCount()));
    if (delay.isZero()) {
      return settled(
          receipt, "abandon", () -> receipt.receiver().abandon(receipt.delivery(), counted));
    }
    if (options.useServiceBusQueue()) {
      return scheduleCopy(receipt, message, delay);
    }
    holdThenAbandon(receipt, delay, counted);
    return true;
  }

  private boolean scheduleCopy(ServiceBusReceipt receipt, Message message, Duration delay) {
    try {
      requeues()
          .scheduleMessage(
              AzureServiceBusWireFormat.toServiceBus(message), OffsetDateTime.now().plus(delay));
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not schedule message {} on {} again: {}; it comes back when its lock ends",
          message.id(),
          path,
          e.toString());
      return false;
    }
    return settled(receipt, "complete", () -> receipt.receiver().complete(receipt.delivery()));
  }

  /** The sender of delayed requeues to the queue, made on the first one. */
  private ServiceBusSenderClient requeues() {
    ServiceBusSenderClient sender = requeues;
    if (sender == null) {
      synchronized (this) {
        sender = requeues;
        if (sender == null) {
          sender = configuration.clients().sender().queueName(routingKey.value()).buildClient();
          requeues = sender;
        }
      }
    }
    return sender;
  }

  private void holdThenAbandon(ServiceBusReceipt receipt, Duration delay, AbandonOptions counted) {
    OffsetDateTime lockedUntil = receipt.delivery().getLockedUntil();
    Duration hold = delay;
    if (lockedUntil != null) {
      Duration left = Duration.between(OffsetDateTime.now(), lockedUntil).minus(LOCK_MARGIN);
      if (left.compareTo(hold) < 0) {
        LOG.info(
            "Requeue of message {} on {} held for {} instead of {}: the lock ends sooner",
            receipt.delivery().getMessageId(),
            path,
            left.isNegative() ? Duration.ZERO : left,
            delay);
        hold = left.isNegative() ? Duration.ZERO : left;
      }
    }
    held.put(receipt.number(), receipt);
    holds()
        .schedule(
            () -> {
              if (held.remove(receipt.number()) != null) {
                settled(
                    receipt,
                    "abandon",
                    () -> receipt.receiver().abandon(receipt.delivery(), counted));
              }
            },
            hold.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private ScheduledExecutorService holds() {
    ScheduledExecutorService executor = holds;
    if (executor == null) {
      synchronized (this) {
        executor = holds;
        if (executor == null) {
          executor =
              Executors.newSingleThreadScheduledExecutor(
                  runnable -> {
                    Thread thread = new Thread(runnable, "servicebus-requeue-" + path);
                    thread.setDaemon(true);
                    return thread;
                  });
          holds = executor;
        }
      }
    }
    return executor;
  }

  /** Completes every message waiting on the entity now. */
  @Override
  public void purge() {
    try {
      for (int round = 0; round < PURGE_ROUNDS; round++) {
        ServiceBusReceiverClient receiver = receivers.current();
        if (receiver == null) {
          return;
        }
        int found = 0;
        for (ServiceBusReceivedMessage delivery :
            receiver.receiveMessages(100, Duration.ofMillis(500))) {
          receiver.complete(delivery);
          found++;
        }
        if (found == 0) {
          receivers.idle();
          if (!options.requireSession()) {
            return;
          }
        }
      }
    } catch (RuntimeException e) {
      throw ChannelFailureException.of(path, e);
    }
  }

  /** Abandons the received, unsettled messages (the held ones too), then closes the receiver. */
  @Override
  public void close() {
    ScheduledExecutorService executor = holds;
    if (executor != null) {
      executor.shutdownNow();
    }
    List<ServiceBusReceipt> unsettled = new ArrayList<>(inFlight.values());
    unsettled.addAll(held.values());
    inFlight.clear();
    held.clear();
    for (ServiceBusReceipt receipt : unsettled) {
      settled(receipt, "abandon", () -> receipt.receiver().abandon(receipt.delivery()));
    }
    ServiceBusSenderClient sender = requeues;
    if (sender != null) {
      sender.close();
    }
    receivers.close();
  }

  /** Takes the receipt of {@code message} out of those in flight; null when not ours or settled. */
  private @Nullable ServiceBusReceipt settle(Message message) {
    requireNonNull(message, "message must not be null");
    if (message.receipt() instanceof ServiceBusReceipt receipt && receipt.consumer() == this) {
      return inFlight.remove(receipt.number());
    }
    return null;
  }

  /**
   * Runs a settlement; a lost lock is logged and answers false, as the message comes again anyway.
   *
   * @throws ChannelFailureException when Service Bus cannot be reached
   */
  private boolean settled(ServiceBusReceipt receipt, String what, Runnable settlement) {
    try {
      settlement.run();
      return true;
    } catch (ServiceBusException e) {
      if (e.getReason() == ServiceBusFailureReason.MESSAGE_LOCK_LOST) {
        LOG.warn(
            "Could not {} message {} on {}: its lock was lost (the handler took longer than the"
                + " lock); it comes again",
            what,
            receipt.delivery().getMessageId(),
            path);
        return false;
      }
      throw ChannelFailureException.of(path, e);
    } catch (RuntimeException e) {
      throw ChannelFailureException.of(path, e);
    }
  }
}
