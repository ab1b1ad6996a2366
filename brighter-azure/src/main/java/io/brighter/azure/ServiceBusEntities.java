package io.brighter.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceExistsException;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.models.CreateQueueOptions;
import com.azure.messaging.servicebus.administration.models.CreateRuleOptions;
import com.azure.messaging.servicebus.administration.models.CreateSubscriptionOptions;
import com.azure.messaging.servicebus.administration.models.SqlRuleFilter;
import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Makes, checks or assumes the queues, topics and subscriptions of the transport through the
 * administration client, as a channel's {@link OnMissingChannel} says: {@code CREATE} makes what is
 * missing (and takes one made meanwhile by another process), {@code VALIDATE} fails with {@link
 * ConfigurationException} on what is missing, {@code ASSUME} asks nothing.
 */
final class ServiceBusEntities {

  private final AzureServiceBusConfiguration configuration;

  ServiceBusEntities(AzureServiceBusConfiguration configuration) {
    this.configuration = configuration;
  }

  /** The queue {@code name}, made with {@code options} when it must be. */
  void queue(String name, AzureServiceBusSubscription options, OnMissingChannel makeChannels) {
    ensure(
        makeChannels,
        "queue " + name,
        admin -> admin.getQueueExists(name),
        admin -> admin.createQueue(name, queueOptions(options)));
  }

  /** The topic {@code name}. */
  void topic(String name, OnMissingChannel makeChannels) {
    ensure(
        makeChannels,
        "topic " + name,
        admin -> admin.getTopicExists(name),
        admin -> admin.createTopic(name));
  }

  /** The subscription {@code name} of {@code topic}, with its SQL filter when given. */
  void subscription(
      String topic,
      String name,
      AzureServiceBusSubscription options,
      OnMissingChannel makeChannels) {
    topic(topic, makeChannels);
    ensure(
        makeChannels,
        "subscription " + name + " of topic " + topic,
        admin -> admin.getSubscriptionExists(topic, name),
        admin -> {
          CreateSubscriptionOptions subscription = subscriptionOptions(options);
          if (options.sqlFilter().isBlank()) {
            admin.createSubscription(topic, name, subscription);
          } else {
            admin.createSubscription(
                topic,
                name,
                "$Default",
                subscription,
                new CreateRuleOptions(new SqlRuleFilter(options.sqlFilter())));
          }
        });
  }

  private void ensure(
      OnMissingChannel makeChannels,
      String what,
      Predicate<ServiceBusAdministrationClient> exists,
      Consumer<ServiceBusAdministrationClient> create) {
    if (makeChannels == OnMissingChannel.ASSUME) {
      return;
    }
    ServiceBusAdministrationClient admin = configuration.administrationClient();
    try {
      if (exists.test(admin)) {
        return;
      }
      if (makeChannels == OnMissingChannel.VALIDATE) {
        throw new ConfigurationException("The Service Bus " + what + " does not exist");
      }
      try {
        create.accept(admin);
      } catch (ResourceExistsException madeMeanwhile) {
        // another process made it between the check and the create
      }
    } catch (HttpResponseException e) {
      throw new ConfigurationException(
          "Could not "
              + (makeChannels == OnMissingChannel.CREATE ? "make or " : "")
              + "check the"
              + " Service Bus "
              + what
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static CreateQueueOptions queueOptions(AzureServiceBusSubscription options) {
    CreateQueueOptions queue =
        new CreateQueueOptions()
            .setMaxDeliveryCount(options.maxDeliveryCount())
            .setLockDuration(options.lockDuration())
            .setDefaultMessageTimeToLive(options.defaultMessageTimeToLive())
            .setDeadLetteringOnMessageExpiration(options.deadLetteringOnMessageExpiration())
            .setSessionRequired(options.requireSession());
    if (!options.autoDeleteOnIdle().isZero()) {
      queue.setAutoDeleteOnIdle(options.autoDeleteOnIdle());
    }
    return queue;
  }

  private static CreateSubscriptionOptions subscriptionOptions(
      AzureServiceBusSubscription options) {
    CreateSubscriptionOptions subscription =
        new CreateSubscriptionOptions()
            .setMaxDeliveryCount(options.maxDeliveryCount())
            .setLockDuration(options.lockDuration())
            .setDefaultMessageTimeToLive(options.defaultMessageTimeToLive())
            .setDeadLetteringOnMessageExpiration(options.deadLetteringOnMessageExpiration())
            .setSessionRequired(options.requireSession());
    Duration idle = options.autoDeleteOnIdle();
    if (!idle.isZero()) {
      subscription.setAutoDeleteOnIdle(idle);
    }
    return subscription;
  }
}
