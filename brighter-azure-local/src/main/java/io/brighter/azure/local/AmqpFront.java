package io.brighter.azure.local;

import io.brighter.azure.local.MessageStore.LockLostException;
import java.nio.BufferOverflowException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.SenderSettleMode;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.engine.BaseHandler;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * The AMQP side of the Service Bus front, run on the reactor's one thread: accepts connections
 * (SASL ANONYMOUS, as the development emulator does), answers the {@code $cbs} token exchange,
 * takes messages sent to queues and topics, delivers the messages of queues, subscriptions and
 * dead-letter sub-queues to receivers with credit (peek-lock, the lock token as the delivery tag;
 * or receive-and-delete), settles them by the receiver's disposition, echoing the outcome as the
 * service does, and serves each entity's {@code $management} node ({@link ManagementNode}).
 */
final class AmqpFront extends BaseHandler {

  private static final System.Logger LOG = System.getLogger(AmqpFront.class.getName());

  /** The message format of a batch: one message whose data sections are messages. */
  static final long BATCH_FORMAT = 0x80013700L;

  /** The largest message the front takes, as the Standard tier: 256 KiB. */
  static final int MAX_MESSAGE_SIZE = 256 * 1024;

  static final Symbol NOT_FOUND = Symbol.valueOf("amqp:not-found");
  static final Symbol LOCK_LOST = Symbol.valueOf("com.microsoft:message-lock-lost");
  static final Symbol SIZE_EXCEEDED = Symbol.valueOf("amqp:link:message-size-exceeded");
  static final Symbol SEQUENCE_NUMBER = Symbol.valueOf("x-opt-sequence-number");
  static final Symbol ENQUEUED_TIME = Symbol.valueOf("x-opt-enqueued-time");
  static final Symbol LOCKED_UNTIL = Symbol.valueOf("x-opt-locked-until");
  static final Symbol SCHEDULED_TIME = Symbol.valueOf("x-opt-scheduled-enqueue-time");
  static final Symbol DEAD_LETTER_SOURCE = Symbol.valueOf("x-opt-deadletter-source");
  static final Symbol PARTITION_KEY = Symbol.valueOf("x-opt-partition-key");
  static final Symbol SESSION_FILTER = Symbol.valueOf("com.microsoft:session-filter");
  static final Symbol LOCKED_UNTIL_UTC = Symbol.valueOf("com.microsoft:locked-until-utc");
  static final Symbol TIMEOUT = Symbol.valueOf("com.microsoft:timeout");
  static final Symbol NOT_ALLOWED = Symbol.valueOf("amqp:not-allowed");
  static final Symbol SESSION_CANNOT_BE_LOCKED =
      Symbol.valueOf("com.microsoft:session-cannot-be-locked");
  static final Symbol SESSION_LOCK_LOST = Symbol.valueOf("com.microsoft:session-lock-lost");
  private static final long TICKS_AT_EPOCH = 621_355_968_000_000_000L;
  private static final java.time.Duration DEFAULT_SESSION_WAIT = java.time.Duration.ofSeconds(60);
  private static final int CREDIT = 100;

  /** What a link of a client does, kept as the link's context. */
  private sealed interface Role {}

  /** A client sending to a queue or topic. */
  private record Sending(String path) implements Role {}

  /** A client sending requests to {@code $cbs} or an entity's {@code $management} node. */
  private record Requesting(@Nullable String entityPath) implements Role {}

  /** A client receiving the replies to its requests at {@code address}. */
  private record Replies(String address) implements Role {}

  /** A client receiving an entity's messages. */
  private record Receiving(
      String path, MessageStore store, boolean peekLock, @Nullable String session)
      implements Role {}

  /** A client waiting for a session of an entity: its attach is answered when one is free. */
  private record WaitingForSession(
      Sender link, String path, MessageStore store, @Nullable String wanted, Instant deadline) {}

  /** A message delivered under a lock, kept as the delivery's context. */
  private record Locked(MessageStore store, UUID token) {}

  private final ServiceBusNamespace namespace;
  private final Clock clock;
  private final ManagementNode management;
  private final List<Sender> receivers = new ArrayList<>();
  private final List<WaitingForSession> waiting = new ArrayList<>();

  AmqpFront(ServiceBusNamespace namespace, Clock clock) {
    this.namespace = namespace;
    this.clock = clock;
    this.management = new ManagementNode(namespace, clock);
  }

  @Override
  public void onConnectionRemoteOpen(Event event) {
    Connection connection = event.getConnection();
    connection.setContainer("brighter-local-servicebus");
    connection.open();
  }

  @Override
  public void onConnectionRemoteClose(Event event) {
    event.getConnection().close();
    for (Sender link : List.copyOf(receivers)) {
      if (link.getSession().getConnection() == event.getConnection()) {
        released(link);
      }
    }
    waiting.removeIf(wait -> wait.link().getSession().getConnection() == event.getConnection());
  }

  @Override
  public void onSessionRemoteOpen(Event event) {
    event.getSession().open();
  }

  @Override
  public void onSessionRemoteClose(Event event) {
    event.getSession().close();
  }

  @Override
  public void onLinkRemoteClose(Event event) {
    Link link = event.getLink();
    link.close();
    released(link);
    waiting.removeIf(wait -> wait.link() == link);
  }

  @Override
  public void onLinkRemoteDetach(Event event) {
    onLinkRemoteClose(event);
  }

  @Override
  public void onLinkRemoteOpen(Event event) {
    Link link = event.getLink();
    link.setSenderSettleMode(link.getRemoteSenderSettleMode());
    link.setReceiverSettleMode(link.getRemoteReceiverSettleMode());
    if (link instanceof Receiver receiver) {
      openReceiver(receiver);
    } else {
      openSender((Sender) link);
    }
  }

  /** A link on which the client sends. */
  private void openReceiver(Receiver link) {
    Target target = (Target) link.getRemoteTarget();
    String address = target == null || target.getAddress() == null ? "" : target.getAddress();
    link.setSource(link.getRemoteSource());
    Role role;
    if (address.equals("$cbs")) {
      role = new Requesting(null);
    } else if (address.endsWith("/$management")) {
      role = new Requesting(address.substring(0, address.length() - "/$management".length()));
    } else if (namespace.sendable(address)) {
      role = new Sending(address);
      link.setMaxMessageSize(UnsignedLong.valueOf(MAX_MESSAGE_SIZE));
    } else {
      refuse(link, address);
      return;
    }
    link.setTarget(target);
    link.setContext(role);
    link.open();
    link.flow(CREDIT);
  }

  /** A link on which the client receives. */
  private void openSender(Sender link) {
    Source source = (Source) link.getRemoteSource();
    String address = source == null || source.getAddress() == null ? "" : source.getAddress();
    link.setTarget(link.getRemoteTarget());
    Role role;
    if (address.equals("$cbs") || address.endsWith("/$management")) {
      Target target = (Target) link.getRemoteTarget();
      role = new Replies(target == null || target.getAddress() == null ? "" : target.getAddress());
    } else {
      MessageStore store = namespace.receivable(address);
      if (store == null) {
        refuse(link, address);
        return;
      }
      Map<?, ?> filter = source.getFilter();
      boolean sessionful = filter != null && filter.containsKey(SESSION_FILTER);
      boolean requiresSession;
      synchronized (namespace) {
        requiresSession = store.settings.requiresSession();
      }
      if (sessionful != requiresSession) {
        refuse(
            link,
            NOT_ALLOWED,
            requiresSession
                ? "The entity '" + address + "' requires sessions: receive from a session"
                : "The entity '" + address + "' has no sessions");
        return;
      }
      if (sessionful) {
        Object wanted = filter.get(SESSION_FILTER);
        waiting.add(
            new WaitingForSession(
                link,
                address,
                store,
                wanted == null ? null : wanted.toString(),
                clock.instant().plus(sessionWait(link))));
        acceptSessions();
        return;
      }
      boolean peekLock = link.getRemoteSenderSettleMode() != SenderSettleMode.SETTLED;
      role = new Receiving(address, store, peekLock, null);
      receivers.add(link);
    }
    link.setSource(source);
    link.setContext(role);
    link.open();
  }

  private static void refuse(Link link, String address) {
    refuse(link, NOT_FOUND, "The messaging entity '" + address + "' could not be found.");
  }

  private static void refuse(Link link, Symbol condition, String description) {
    link.open();
    link.setCondition(new ErrorCondition(condition, description));
    link.close();
  }

  /** How long a receiver asked to wait for a free session: its timeout, else a minute. */
  private static java.time.Duration sessionWait(Link link) {
    Map<Symbol, Object> properties = link.getRemoteProperties();
    Object timeout = properties == null ? null : properties.get(TIMEOUT);
    return timeout instanceof Number millis
        ? java.time.Duration.ofMillis(millis.longValue())
        : DEFAULT_SESSION_WAIT;
  }

  /**
   * Answers the receivers waiting for a session: with a free one, locked for the receiver; with
   * {@code com.microsoft:timeout} when none came in time; with {@code
   * com.microsoft:session-cannot-be-locked} when the one asked for is held.
   */
  private void acceptSessions() {
    Instant now = clock.instant();
    for (WaitingForSession wait : List.copyOf(waiting)) {
      Sender link = wait.link();
      if (link.getRemoteState() == EndpointState.CLOSED) {
        waiting.remove(wait);
        continue;
      }
      String session;
      Instant lockedUntil;
      try {
        synchronized (namespace) {
          session = wait.store().lockSession(wait.wanted(), link, now);
          lockedUntil =
              session == null ? null : wait.store().sessionLockedUntil(session, link, now);
        }
      } catch (MessageStore.SessionLockedException e) {
        waiting.remove(wait);
        refuse(link, SESSION_CANNOT_BE_LOCKED, String.valueOf(e.getMessage()));
        continue;
      }
      if (session == null || lockedUntil == null) {
        if (now.isAfter(wait.deadline())) {
          waiting.remove(wait);
          refuse(link, TIMEOUT, "No session became available in time.");
        }
        continue;
      }
      waiting.remove(wait);
      Source remote = (Source) link.getRemoteSource();
      Source source = new Source();
      source.setAddress(remote.getAddress());
      source.setDurable(remote.getDurable());
      source.setExpiryPolicy(remote.getExpiryPolicy());
      source.setOutcomes(remote.getOutcomes());
      source.setDefaultOutcome(remote.getDefaultOutcome());
      source.setFilter(Map.of(SESSION_FILTER, session));
      link.setSource(source);
      link.setProperties(Map.of(LOCKED_UNTIL_UTC, ticks(lockedUntil)));
      link.setContext(
          new Receiving(
              wait.path(),
              wait.store(),
              link.getRemoteSenderSettleMode() != SenderSettleMode.SETTLED,
              session));
      receivers.add(link);
      link.open();
    }
  }

  /** {@code instant} in .NET ticks: 100 ns since 0001-01-01. */
  static long ticks(Instant instant) {
    return TICKS_AT_EPOCH + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
  }

  /** Forgets a receiving link, and ends its session's lock. */
  private void released(Link link) {
    receivers.remove(link);
    if (link.getContext() instanceof Receiving receiving && receiving.session() != null) {
      synchronized (namespace) {
        receiving.store().releaseSession(receiving.session(), link);
      }
    }
  }

  @Override
  public void onLinkFlow(Event event) {
    dispatch();
  }

  @Override
  public void onDelivery(Event event) {
    Delivery delivery = event.getDelivery();
    if (delivery.getLink() instanceof Receiver receiver) {
      if (delivery.isPartial() || !delivery.isReadable()) {
        return;
      }
      byte[] bytes = new byte[delivery.pending()];
      int read = receiver.recv(bytes, 0, bytes.length);
      receiver.advance();
      DeliveryState outcome = received(receiver, delivery, bytes, read);
      if (!delivery.remotelySettled()) {
        delivery.disposition(outcome);
      }
      delivery.settle();
      if (receiver.getCredit() < CREDIT / 2) {
        receiver.flow(CREDIT);
      }
      dispatch();
    } else {
      settled(delivery);
    }
  }

  private DeliveryState received(Receiver link, Delivery delivery, byte[] bytes, int length) {
    Object role = link.getContext();
    try {
      if (role instanceof Sending sending) {
        return sent(sending.path(), delivery.getMessageFormat(), bytes, length);
      }
      if (role instanceof Requesting requesting) {
        Message request = Proton.message();
        request.decode(bytes, 0, length);
        Message reply;
        try {
          reply =
              requesting.entityPath() == null
                  ? ClaimsBasedSecurity.reply(request)
                  : management.reply(requesting.entityPath(), request);
        } catch (RuntimeException e) {
          LOG.log(
              System.Logger.Level.WARNING, "Could not answer a request on " + link.getName(), e);
          reply = ManagementNode.status(500, String.valueOf(e.getMessage()), null);
        }
        reply(link.getSession().getConnection(), request, reply);
        return Accepted.getInstance();
      }
      return rejected(NOT_FOUND, "This link takes no messages");
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Could not take a message on " + link.getName(), e);
      return rejected(Symbol.valueOf("amqp:internal-error"), String.valueOf(e.getMessage()));
    }
  }

  /** Takes in a message, or a batch of them, sent to {@code path}. */
  private DeliveryState sent(String path, int format, byte[] bytes, int length) {
    if (!namespace.sendable(path)) {
      return rejected(NOT_FOUND, "The messaging entity '" + path + "' could not be found.");
    }
    List<byte[]> messages =
        (format & 0xFFFFFFFFL) == BATCH_FORMAT
            ? batch(bytes, length)
            : List.of(java.util.Arrays.copyOf(bytes, length));
    Instant now = clock.instant();
    for (byte[] encoded : messages) {
      if (encoded.length > MAX_MESSAGE_SIZE) {
        return rejected(
            SIZE_EXCEEDED,
            "The message of "
                + encoded.length
                + " bytes is larger than the limit of "
                + MAX_MESSAGE_SIZE
                + " bytes.");
      }
    }
    for (byte[] encoded : messages) {
      Message message = Proton.message();
      message.decode(encoded, 0, encoded.length);
      namespace.send(path, encoded, message, scheduledTime(message), now);
    }
    return Accepted.getInstance();
  }

  static @Nullable Instant scheduledTime(Message message) {
    MessageAnnotations annotations = message.getMessageAnnotations();
    Object scheduled =
        annotations == null || annotations.getValue() == null
            ? null
            : annotations.getValue().get(SCHEDULED_TIME);
    return scheduled instanceof Date date ? date.toInstant() : null;
  }

  /** The messages of a batch: the data sections after its annotations. */
  private static List<byte[]> batch(byte[] bytes, int length) {
    DecoderImpl decoder = new DecoderImpl();
    AMQPDefinedTypes.registerAllTypes(decoder, new EncoderImpl(decoder));
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, 0, length);
    decoder.setByteBuffer(buffer);
    List<byte[]> messages = new ArrayList<>();
    while (buffer.hasRemaining()) {
      if (decoder.readObject() instanceof Data data) {
        Binary binary = data.getValue();
        messages.add(bytes(binary));
      }
    }
    return messages;
  }

  /** The bytes of {@code binary}, copied out of its backing array. */
  static byte[] bytes(Binary binary) {
    return java.util.Arrays.copyOfRange(
        binary.getArray(), binary.getArrayOffset(), binary.getArrayOffset() + binary.getLength());
  }

  static Rejected rejected(Symbol condition, String description) {
    Rejected rejected = new Rejected();
    rejected.setError(new ErrorCondition(condition, description));
    return rejected;
  }

  /** Sends {@code reply} on the link the client named in the request's reply-to. */
  private void reply(Connection connection, Message request, Message reply) {
    reply.setCorrelationId(request.getMessageId());
    String address = request.getReplyTo();
    for (Link link = connection.linkHead(EnumSet.of(EndpointState.ACTIVE), null);
        link != null;
        link = link.next(EnumSet.of(EndpointState.ACTIVE), null)) {
      if (link instanceof Sender sender
          && link.getContext() instanceof Replies replies
          && replies.address().equals(address)) {
        byte[] encoded = encode(reply);
        Delivery delivery =
            sender.delivery(
                UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sender.send(encoded, 0, encoded.length);
        sender.advance();
        delivery.settle();
        return;
      }
    }
    LOG.log(System.Logger.Level.WARNING, "No reply link for " + address);
  }

  /** A client's outcome for a message delivered under a lock, echoed as the service does. */
  private void settled(Delivery delivery) {
    if (!(delivery.getContext() instanceof Locked locked)) {
      if (delivery.remotelySettled()) {
        delivery.settle();
      }
      return;
    }
    DeliveryState state = delivery.getRemoteState();
    if (state == null) {
      return;
    }
    Instant now = clock.instant();
    DeliveryState outcome = state;
    synchronized (namespace) {
      try {
        if (state instanceof Accepted) {
          locked.store().complete(locked.token(), now);
        } else if (state instanceof Rejected rejected) {
          Map<String, Object> info =
              rejected.getError() == null ? Map.of() : properties(rejected.getError().getInfo());
          Object reason = info.remove("DeadLetterReason");
          Object description = info.remove("DeadLetterErrorDescription");
          locked.store().deadLetter(locked.token(), text(reason), text(description), info, now);
        } else if (state instanceof Modified modified
            && Boolean.TRUE.equals(modified.getUndeliverableHere())) {
          locked.store().defer(locked.token(), now);
        } else if (state instanceof Modified modified) {
          locked.store().abandon(locked.token(), properties(modified.getMessageAnnotations()), now);
        } else if (state instanceof Released) {
          locked.store().release(locked.token(), now);
        }
      } catch (LockLostException e) {
        outcome = rejected(LOCK_LOST, String.valueOf(e.getMessage()));
      }
    }
    delivery.disposition(outcome);
    delivery.settle();
    dispatch();
  }

  /** An AMQP map's entries by their keys' text: symbols and strings alike. */
  private static Map<String, Object> properties(@Nullable Map<?, ?> map) {
    Map<String, Object> properties = new HashMap<>();
    if (map != null) {
      map.forEach(
          (key, value) -> {
            if (key != null && value != null) {
              properties.put(key.toString(), value);
            }
          });
    }
    return properties;
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  /** Makes due and expired messages ready again, then delivers. Called by the front's timer. */
  void tick() {
    Instant now = clock.instant();
    synchronized (namespace) {
      for (MessageStore store : namespace.stores()) {
        store.tick(now);
        MessageStore deadLetters = store.deadLetters();
        if (deadLetters != null) {
          deadLetters.tick(now);
        }
      }
    }
    dispatch();
  }

  /** Gives waiting messages to the receivers with credit, one at a time in turn. */
  void dispatch() {
    if (!waiting.isEmpty()) {
      acceptSessions();
    }
    receivers.removeIf(
        link ->
            link.getLocalState() != EndpointState.ACTIVE
                || link.getRemoteState() == EndpointState.CLOSED);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Sender link : List.copyOf(receivers)) {
        if (link.getCredit() > 0 && link.getContext() instanceof Receiving receiving) {
          progress |= deliverOne(link, receiving);
        }
      }
    }
  }

  private boolean deliverOne(Sender link, Receiving receiving) {
    Instant now = clock.instant();
    BusMessage message;
    synchronized (namespace) {
      if (namespace.receivable(receiving.path()) != receiving.store()) {
        link.setCondition(new ErrorCondition(NOT_FOUND, "The messaging entity was deleted."));
        link.close();
        return false;
      }
      String session = receiving.session();
      if (session != null && receiving.store().sessionLockedUntil(session, link, now) == null) {
        link.setCondition(
            new ErrorCondition(SESSION_LOCK_LOST, "The session lock expired or was lost."));
        link.close();
        released(link);
        return false;
      }
      message =
          receiving.peekLock()
              ? receiving.store().lock(session, now)
              : receiving.store().remove(session);
    }
    if (message == null) {
      return false;
    }
    UUID token = message.lockToken;
    byte[] tag = DotNetGuid.bytes(token == null ? UUID.randomUUID() : token);
    byte[] encoded = encode(annotated(message, receiving.peekLock()));
    Delivery delivery = link.delivery(tag);
    link.send(encoded, 0, encoded.length);
    link.advance();
    if (token == null) {
      delivery.settle();
    } else {
      delivery.setContext(new Locked(receiving.store(), token));
    }
    return true;
  }

  /** The stored message with what the broker adds: count, sequence, times, dead-letter reason. */
  static Message annotated(BusMessage stored, boolean locked) {
    Message message = Proton.message();
    message.decode(stored.encoded, 0, stored.encoded.length);
    Header header = message.getHeader() == null ? new Header() : message.getHeader();
    header.setDeliveryCount(UnsignedInteger.valueOf(stored.deliveryCount));
    message.setHeader(header);
    Map<Symbol, Object> annotations = new HashMap<>();
    if (message.getMessageAnnotations() != null
        && message.getMessageAnnotations().getValue() != null) {
      annotations.putAll(message.getMessageAnnotations().getValue());
    }
    annotations.put(SEQUENCE_NUMBER, stored.sequenceNumber);
    annotations.put(ENQUEUED_TIME, Date.from(stored.enqueuedAt));
    if (locked) {
      annotations.put(LOCKED_UNTIL, Date.from(stored.lockedUntil));
    }
    if (stored.deadLetterSource != null) {
      annotations.put(DEAD_LETTER_SOURCE, stored.deadLetterSource);
    }
    message.setMessageAnnotations(new MessageAnnotations(annotations));
    if (stored.deadLetterReason != null
        || stored.deadLetterDescription != null
        || !stored.modifiedProperties.isEmpty()) {
      Map<String, Object> properties = new HashMap<>();
      if (message.getApplicationProperties() != null
          && message.getApplicationProperties().getValue() != null) {
        properties.putAll(message.getApplicationProperties().getValue());
      }
      properties.putAll(stored.modifiedProperties);
      if (stored.deadLetterReason != null) {
        properties.put("DeadLetterReason", stored.deadLetterReason);
      }
      if (stored.deadLetterDescription != null) {
        properties.put("DeadLetterErrorDescription", stored.deadLetterDescription);
      }
      message.setApplicationProperties(new ApplicationProperties(properties));
    }
    return message;
  }

  static byte[] encode(Message message) {
    int size = 1024;
    while (true) {
      byte[] buffer = new byte[size];
      try {
        int length = message.encode(buffer, 0, buffer.length);
        return java.util.Arrays.copyOf(buffer, length);
      } catch (BufferOverflowException tooSmall) {
        size *= 4;
      }
    }
  }
}
