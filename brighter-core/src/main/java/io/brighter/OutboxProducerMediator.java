package io.brighter;

import io.brighter.messaging.ContextBagKeys;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.outbox.OutboxLimitReachedException;
import io.brighter.resilience.PolicyReference;
import io.brighter.resilience.ResiliencePipeline;
import io.brighter.resilience.ResiliencePipelineRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves requests through the outbox to the broker: maps a request to a message and stores it
 * (deposit), then sends stored messages and marks them dispatched (clear). A send that fails is
 * logged and leaves its message outstanding for the sweeper; it is never dropped.
 */
final class OutboxProducerMediator {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxProducerMediator.class);

  private final ExternalBusConfiguration bus;
  private final MessagePipeline messages;
  private final @Nullable ResiliencePipeline producerRetry;
  private final TopicCircuitBreaker breaker;

  OutboxProducerMediator(
      ExternalBusConfiguration bus, @Nullable ResiliencePipelineRegistry resilience) {
    this.bus = bus;
    this.messages =
        MessagePipeline.builder().mappers(bus.mappers()).luggageStore(bus.luggageStore()).build();
    this.producerRetry =
        bus.producerRetryPolicy() == null
            ? null
            : new PolicyReference(
                    bus.producerRetryPolicy(),
                    "producerRetryPolicy",
                    ExternalBusConfiguration.class)
                .lookup(resilience);
    this.breaker = new TopicCircuitBreaker(bus.topicCooldownSweeps());
    for (MessageProducer producer : bus.producers().producers()) {
      if (producer.confirmsPublication()) {
        producer.onConfirmations(this::confirmed);
      }
    }
  }

  /** The message pipeline, for reading replies. */
  MessagePipeline messages() {
    return messages;
  }

  /** Maps {@code request} and stores its message, inside {@code transaction} when given. */
  Id deposit(
      Request request, RequestContext context, @Nullable BoxTransactionProvider<?> transaction) {
    checkLimit(1);
    Message message = map(request, context);
    bus.outbox().add(message, context, transaction);
    return message.id();
  }

  /** Maps every request and stores the messages as one write. */
  List<Id> deposit(
      List<? extends Request> requests,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    checkLimit(requests.size());
    List<Message> messages = new ArrayList<>(requests.size());
    for (Request request : requests) {
      messages.add(map(request, context));
    }
    bus.outbox().add(messages, context, transaction);
    return messages.stream().map(Message::id).toList();
  }

  /** Sends the stored messages with {@code ids}; returns how many were sent. */
  int clear(Collection<Id> ids) {
    Outbox outbox = bus.outbox();
    int sent = 0;
    for (Message message : outbox.get(List.copyOf(ids))) {
      if (dispatch(message)) {
        sent++;
      }
    }
    return sent;
  }

  /**
   * Sends up to {@code batchSize} messages outstanding for at least {@code minimumAge}, oldest
   * first, skipping topics whose circuit is tripped; returns how many were sent.
   */
  int clearOutstanding(Duration minimumAge, int batchSize) {
    breaker.cool();
    int sent = 0;
    for (Message message : bus.outbox().claimOutstanding(minimumAge, batchSize, bus.sweepLease())) {
      if (!breaker.isTripped(producerTopic(message)) && dispatch(message)) {
        sent++;
      }
    }
    return sent;
  }

  /**
   * The request's message, stamped with the deposit time from the bus clock: an outbox measures a
   * message's age from its header timestamp, so the sweeper's minimum age counts from the deposit.
   */
  Message map(Request request, RequestContext context) {
    Publication publication = bus.producers().publicationFor(request.getClass());
    Message message = messages.wrap(request, publication, context);
    MessageHeader.Builder header = message.header().toBuilder().timestamp(bus.clock().instant());
    Object causationId = context.bagValue(ContextBagKeys.CAUSATION_ID);
    if (causationId != null) {
      header.bagEntry(HeaderNames.CAUSATION_ID, causationId.toString());
    }
    return message.withHeader(header.build());
  }

  /**
   * Sends again every stored message caused by the request with {@code causationId}; returns how
   * many were sent.
   */
  int replay(Id causationId) {
    List<Id> ids = bus.outbox().messagesCausedBy(causationId).stream().map(Message::id).toList();
    return ids.isEmpty() ? 0 : clear(ids);
  }

  /**
   * Sends {@code message} at once, past the outbox: for request-reply calls, which are worthless
   * once their caller has stopped waiting. Failures propagate.
   */
  void sendNow(Message message) {
    send(producerFor(producerTopic(message), message), message);
  }

  private boolean dispatch(Message message) {
    RoutingKey topic = producerTopic(message);
    try {
      MessageProducer producer = producerFor(topic, message);
      send(producer, message);
      if (!producer.confirmsPublication()) {
        bus.outbox().markDispatched(message.id(), bus.clock().instant());
      }
      return true;
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      breaker.trip(topic);
      LOG.warn(
          "Could not send message {} to {}; it stays in the outbox for the sweeper: {}",
          message.id(),
          topic,
          e.toString());
      return false;
    }
  }

  /** The producer of the message's topic and CloudEvents type, else the topic's only producer. */
  private MessageProducer producerFor(RoutingKey topic, Message message) {
    return bus.producers()
        .find(topic, message.header().type())
        .orElseGet(() -> bus.producers().lookup(topic));
  }

  private void send(MessageProducer producer, Message message) {
    Runnable send =
        message.header().delay().isZero()
            ? () -> producer.send(message)
            : () -> producer.sendWithDelay(message, message.header().delay());
    if (producerRetry == null) {
      send.run();
    } else {
      producerRetry.execute(
          () -> {
            send.run();
            return message;
          });
    }
  }

  /** Marks the delivered messages of one batch of confirmations dispatched, in one write. */
  private void confirmed(List<PublishConfirmation> confirmations) {
    List<Id> delivered = new ArrayList<>(confirmations.size());
    for (PublishConfirmation confirmation : confirmations) {
      if (confirmation.delivered()) {
        delivered.add(confirmation.messageId());
      } else {
        LOG.warn(
            "Broker did not take message {}; it stays in the outbox for the sweeper",
            confirmation.messageId(),
            confirmation.failure());
      }
    }
    if (delivered.size() == 1) {
      bus.outbox().markDispatched(delivered.getFirst(), bus.clock().instant());
    } else if (!delivered.isEmpty()) {
      bus.outbox().markDispatched(delivered, bus.clock().instant());
    }
  }

  private static RoutingKey producerTopic(Message message) {
    Object topic = message.header().bag().get(HeaderNames.PRODUCER_TOPIC);
    return topic == null ? message.header().topic() : RoutingKey.of(topic.toString());
  }

  private void checkLimit(int adding) {
    int limit = bus.maxOutstandingMessages();
    if (limit > 0) {
      long outstanding = bus.outbox().outstandingCount();
      if (outstanding + adding > limit) {
        throw OutboxLimitReachedException.of(outstanding, limit);
      }
    }
  }
}
