package io.brighter.scheduler;

import static java.util.Objects.requireNonNull;

import io.brighter.BrighterException;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link RequestScheduler}: a scheduled {@code send} or {@code publish} is stored in an
 * {@link Outbox} as a message due at its time, and replayed on the command processor when the
 * outbox's sweeper finds it due. A restart in between loses nothing; every outbox back end that
 * holds scheduled messages (in memory, JDBC, DynamoDB) serves. A scheduled {@code post} needs no
 * replay: it goes into the processor's outbox as the message it will be ({@link
 * CommandProcessor#post(Instant, Request)}).
 *
 * {@snippet :
 * OutboxRequestScheduler scheduler = new OutboxRequestScheduler(outbox, List.of(RemindCustomer.class));
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscribers, handlerFactory)
 *     .scheduler(scheduler) // build() binds the scheduler to the processor
 *     .externalBus(ExternalBusConfiguration.builder()
 *         .producers(ProducerRegistry.of(List.of(greetingsProducer, scheduler.producer())))
 *         .outbox(outbox) // the same outbox, swept by an OutboxSweeper
 *         .build())
 *     .build();
 * Id job = commandProcessor.send(Duration.ofDays(1), new RemindCustomer(Id.random(), "Ada"));
 * scheduler.reschedule(job, tomorrowNoon);
 * }
 *
 * <p><b>How it replays.</b> The stored message is the request as JSON on this scheduler's topic
 * ({@link #DEFAULT_TOPIC} unless another is given), its CloudEvents type naming the request's class
 * and a header saying how to replay it. The sweeper sends it through {@link #producer()}, which
 * maps it back to the request and replays it on the bound processor with a fresh {@link
 * RequestContext}, on the sweeper's thread. Register that producer with the processor whose outbox
 * this is, and sweep that outbox.
 *
 * <p><b>Only known types.</b> The scheduler takes the request types it may store; a stored message
 * names its type as text that is looked up among them, so no class is ever loaded by a name read
 * from storage. Scheduling another type fails with {@link ConfigurationException}, and a stored
 * message of a type no longer given stays in the outbox, its send failing, until it is given again.
 *
 * <p><b>Guarantees.</b> Like every message of the outbox, a job fires at least once: a process that
 * stops after the handler ran and before the sweep marked the message dispatched runs it again, so
 * its handlers should be idempotent (an inbox makes them so). A handler's transient failure ({@link
 * BrighterException#isTransient}) leaves the job in the outbox for the next sweep; any other
 * failure is logged and ends the job, as with the {@link InMemoryScheduler}. The job id is the
 * request's id (the message's), so scheduling a request whose id is waiting replaces it. {@link
 * #reschedule} and {@link #cancel} work until the job is due. Thread-safe when the outbox is.
 */
public final class OutboxRequestScheduler implements RequestScheduler {

  /** The topic scheduled requests are stored under unless another is given. */
  public static final RoutingKey DEFAULT_TOPIC = RoutingKey.of("brighter.scheduled.requests");

  /** The header that says how a stored request is replayed: SEND or PUBLISH. */
  public static final String REPLAY_AS = "brighter-scheduled-as";

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRequestScheduler.class);
  private static final String TYPE_PREFIX = "brighter.scheduled.request:";

  private final OutboxScheduler jobs;
  private final RoutingKey topic;
  private final Clock clock;
  private final Map<Class<?>, Publication> publications = new HashMap<>();
  private final Map<String, JsonMessageMapper<? extends Request>> mappers = new HashMap<>();
  private final Replayer replayer;
  private volatile @Nullable CommandProcessor processor;

  /**
   * Stores requests of {@code requestTypes} in {@code outbox} under {@link #DEFAULT_TOPIC}, on the
   * UTC system clock.
   */
  public OutboxRequestScheduler(Outbox outbox, List<Class<? extends Request>> requestTypes) {
    this(outbox, requestTypes, DEFAULT_TOPIC, Clock.systemUTC());
  }

  /**
   * Stores requests of {@code requestTypes} in {@code outbox} under {@code topic}, turning delays
   * into due times on {@code clock}.
   *
   * @throws ConfigurationException when no request type is given
   */
  public OutboxRequestScheduler(
      Outbox outbox, List<Class<? extends Request>> requestTypes, RoutingKey topic, Clock clock) {
    this.topic = requireNonNull(topic, "topic must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
    this.jobs = new OutboxScheduler(requireNonNull(outbox, "outbox must not be null"), clock);
    if (requestTypes.isEmpty()) {
      throw new ConfigurationException(
          "OutboxRequestScheduler needs the request types it may schedule");
    }
    for (Class<? extends Request> type : requestTypes) {
      String name = TYPE_PREFIX + type.getName();
      publications.put(
          type, Publication.builder().topic(topic).requestType(type).type(name).build());
      mappers.put(name, new JsonMessageMapper<>(type));
    }
    this.replayer = new Replayer();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** Replays due requests on {@code processor} from now on. */
  @Override
  public void bind(CommandProcessor processor) {
    this.processor = requireNonNull(processor, "processor must not be null");
  }

  /**
   * The producer of this scheduler's topic, which replays the requests the sweeper sends it:
   * register it with the processor whose outbox this scheduler stores in.
   */
  public MessageProducer producer() {
    return replayer;
  }

  /**
   * Stores {@code request} in the outbox due at {@code at} ({@code SEND}, {@code PUBLISH}), or
   * posts it due at {@code at} ({@code POST}).
   *
   * @return the job id: the request's (and its message's) id
   * @throws ConfigurationException when no processor is bound, or the request's type is not one
   *     this scheduler was given
   */
  @Override
  public Id schedule(Request request, SchedulerType type, Instant at) {
    requireNonNull(request, "request must not be null");
    requireNonNull(at, "at must not be null");
    requireNonNull(type, "type must not be null").check(request);
    CommandProcessor bound = bound();
    if (type == SchedulerType.POST) {
      return bound.post(at, request);
    }
    return jobs.schedule(messageOf(request, type), at);
  }

  @Override
  public boolean reschedule(Id jobId, Instant at) {
    return jobs.reschedule(jobId, at);
  }

  @Override
  public boolean cancel(Id jobId) {
    return jobs.cancel(jobId);
  }

  private Message messageOf(Request request, SchedulerType type) {
    Publication publication = publications.get(request.getClass());
    if (publication == null) {
      throw new ConfigurationException(
          request.getClass().getName()
              + " is not among the request types this OutboxRequestScheduler was given");
    }
    @SuppressWarnings("unchecked")
    JsonMessageMapper<Request> mapper =
        (JsonMessageMapper<Request>) requireNonNull(mappers.get(publication.type()));
    Message message = mapper.mapToMessage(request, publication);
    return message.withHeader(
        message.header().toBuilder()
            .timestamp(clock.instant())
            .bagEntry(REPLAY_AS, type.name())
            .build());
  }

  private CommandProcessor bound() {
    CommandProcessor bound = processor;
    if (bound == null) {
      throw new ConfigurationException(
          "OutboxRequestScheduler has no CommandProcessor to replay requests on: pass it to"
              + " CommandProcessor.builder().scheduler(...) or call bind(commandProcessor)");
    }
    return bound;
  }

  /** Replays a stored request, as the class comment says. */
  private void replay(Message message) {
    JsonMessageMapper<? extends Request> mapper = mappers.get(message.header().type());
    Object as = message.header().bag().get(REPLAY_AS);
    if (mapper == null || as == null) {
      throw new ConfigurationException(
          "Scheduled message "
              + message.id()
              + " is of type "
              + message.header().type()
              + ", not one this OutboxRequestScheduler was given; it stays in the outbox");
    }
    SchedulerType type = SchedulerType.valueOf(as.toString());
    Request request = mapper.mapToRequest(message);
    try {
      type.replay(request, bound());
    } catch (RuntimeException e) {
      if (BrighterException.isTransient(e)) {
        throw e; // the sweep leaves the job in the outbox and tries again
      }
      LOG.warn(
          "Scheduled {} of {} {} failed; the job ends",
          type,
          request.getClass().getName(),
          request.id(),
          e);
    }
  }

  /** The producer of the scheduler's topic: it replays instead of sending anywhere. */
  private final class Replayer implements MessageProducer {
    private final Publication publication = Publication.builder().topic(topic).build();

    @Override
    public Publication publication() {
      return publication;
    }

    @Override
    public void send(Message message) {
      replay(message);
    }

    /** Replays at once: the outbox has served the delay already. */
    @Override
    public void sendWithDelay(Message message, Duration delay) {
      replay(message);
    }
  }
}
