package io.brighter.observability;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics that never fail their caller: a metrics library that throws is logged, and the send or
 * the settling of a message goes on. Made by {@link MessagingMetrics#guarded}.
 */
final class GuardedMessagingMetrics implements MessagingMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedMessagingMetrics.class);

  private final MessagingMetrics metrics;

  GuardedMessagingMetrics(MessagingMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void sent(RoutingKey topic, Message message) {
    try {
      metrics.sent(topic, message);
    } catch (RuntimeException e) {
      failed("the send of", message, e);
    }
  }

  @Override
  public void sendFailed(RoutingKey topic, Message message) {
    try {
      metrics.sendFailed(topic, message);
    } catch (RuntimeException e) {
      failed("the failed send of", message, e);
    }
  }

  @Override
  public void settled(Subscription subscription, Message message, Settlement settlement) {
    try {
      metrics.settled(subscription, message, settlement);
    } catch (RuntimeException e) {
      failed("the settling of", message, e);
    }
  }

  @Override
  public void processed(Subscription subscription, Message message, Duration duration) {
    try {
      metrics.processed(subscription, message, duration);
    } catch (RuntimeException e) {
      failed("the processing of", message, e);
    }
  }

  @Override
  public void deliveryFailed(RoutingKey topic, Id messageId) {
    try {
      metrics.deliveryFailed(topic, messageId);
    } catch (RuntimeException e) {
      LOG.warn("Metrics failed to record the failed delivery of message {}", messageId, e);
    }
  }

  @Override
  public void pumpFailed(Subscription subscription, Throwable cause) {
    try {
      metrics.pumpFailed(subscription, cause);
    } catch (RuntimeException e) {
      LOG.warn("Metrics failed to record a pump of {} that died", subscription.name(), e);
    }
  }

  private static void failed(String what, Message message, RuntimeException e) {
    LOG.warn("Metrics failed to record {} message {}", what, message.id(), e);
  }
}
