package io.brighter;

import io.brighter.messaging.Message;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.ReplyChannelFactory;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link Call} over the bus: opens a private reply channel, sends the request addressed to
 * it with the call's id as correlation id, and waits for the matching reply until the timeout.
 */
final class RequestReply {

  private static final Logger LOG = LoggerFactory.getLogger(RequestReply.class);

  private final OutboxProducerMediator bus;
  private final ReplyChannelFactory channels;

  RequestReply(OutboxProducerMediator bus, ReplyChannelFactory channels) {
    this.bus = bus;
    this.channels = channels;
  }

  <R extends Request> @Nullable R call(Call<R> request, Duration timeout, RequestContext context) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a call needs a positive timeout, not " + timeout);
    }
    Class<R> replyType = ReplyTypes.of(request.getClass());
    long deadline = System.nanoTime() + timeout.toNanos();
    RoutingKey replyTo = RoutingKey.of("reply." + UUID.randomUUID());
    try (MessageConsumer replies = channels.open(replyTo)) {
      Message message = bus.map(request, context);
      bus.sendNow(
          message.withHeader(
              message.header().toBuilder().replyTo(replyTo).correlationId(request.id()).build()));
      for (long left = deadline - System.nanoTime();
          left > 0;
          left = deadline - System.nanoTime()) {
        for (Message reply : replies.receive(Duration.ofNanos(left))) {
          replies.acknowledge(reply);
          if (request.id().equals(reply.header().correlationId())) {
            return bus.messages().unwrap(reply, replyType);
          }
          LOG.debug("Ignored message {} on {}: it answers another call", reply.id(), replyTo);
        }
      }
      return null;
    }
  }
}
