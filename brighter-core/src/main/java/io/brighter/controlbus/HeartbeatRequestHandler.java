package io.brighter.controlbus;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.serviceactivator.Dispatcher;

/**
 * Answers a {@link HeartbeatRequest}: sends a {@link HeartbeatReply} with the dispatcher's
 * consumers to the request message's reply address, with the request's id as correlation id, so the
 * caller's {@code CommandProcessor.call} returns it.
 */
final class HeartbeatRequestHandler extends RequestHandler<HeartbeatRequest> {

  // The bag key under which the pump puts the message a request came from (see Dispatcher).
  private static final String ORIGINATING_MESSAGE = "OriginatingMessage";

  private final Dispatcher dispatcher;
  private final String hostName;
  private final MessageProducer replies;

  HeartbeatRequestHandler(Dispatcher dispatcher, String hostName, MessageProducer replies) {
    this.dispatcher = dispatcher;
    this.hostName = hostName;
    this.replies = replies;
  }

  @Override
  public HeartbeatRequest handle(HeartbeatRequest request) {
    if (!(context().bag().get(ORIGINATING_MESSAGE) instanceof Message origin)
        || origin.header().replyTo() == null) {
      throw new ConfigurationException(
          "Heartbeat request " + request.id() + " has no reply address: send it with call");
    }
    RoutingKey replyTo = origin.header().replyTo();
    HeartbeatReply reply =
        new HeartbeatReply(
            Id.random(),
            hostName,
            dispatcher.state().stream().map(HeartbeatReply.RunningConsumer::of).toList());
    Message message =
        new JsonMessageMapper<>(HeartbeatReply.class)
            .mapToMessage(reply, Publication.builder().topic(replyTo).build());
    replies.send(
        message.withHeader(message.header().toBuilder().correlationId(request.id()).build()));
    return super.handle(request);
  }
}
