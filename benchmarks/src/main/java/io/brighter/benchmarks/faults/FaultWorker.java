package io.brighter.benchmarks.faults;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.actions.DeferMessageAction;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.handlers.UseInbox;
import io.brighter.jdbc.JdbcInbox;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapper;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.Publication;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.brighter.serviceactivator.MessagePumpStatus;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One process of the fault matrix, started by {@link FaultMatrix} and killed by it: {@code relay}
 * sweeps the PostgreSQL outbox to the broker; {@code consumer} runs a dispatcher whose handler,
 * behind a PostgreSQL inbox, records each message's effect. Both run until killed. Arguments:
 * {@code relay|consumer <transport> <topic> <kafka bootstrap or -> <defer every>}.
 */
public final class FaultWorker {

  /** What a worker prints when a message pump of its dispatcher died. */
  static final String PUMP_DIED = "fault-worker pump died";

  /** What a worker prints when an exception reached a thread's uncaught-exception handler. */
  static final String UNCAUGHT = "fault-worker uncaught exception";

  /** The one request type of the matrix. */
  public record Work(Id id, int n) implements Event {}

  private FaultWorker() {}

  /** Runs the role the arguments name until the process is killed. */
  public static void main(String[] args) throws Exception {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> {
          System.out.println(UNCAUGHT + " in " + thread.getName() + ": " + failure);
          failure.printStackTrace(System.out);
          System.out.flush();
        });
    String role = args[0];
    FaultSetup setup =
        new FaultSetup(
            FaultTransport.valueOf(args[1]), args[2], args[3], Integer.parseInt(args[4]));
    switch (role) {
      case "relay" -> relay(setup);
      case "consumer" -> consume(setup);
      default -> throw new IllegalArgumentException("no role " + role);
    }
    System.out.println(FaultMatrix.READY);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE); // until killed
  }

  /** Sweeps the outbox every 50 ms, 100 messages a batch, with a lease of five seconds. */
  private static void relay(FaultSetup setup) {
    JdbcOutbox outbox = FaultTables.outbox();
    Publication publication =
        Publication.builder().topic(setup.topic()).requestType(Work.class).build();
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(setup.producers(publication))
                    .outbox(outbox)
                    .build())
            .build();
    OutboxSweeper.builder()
        .commandProcessor(processor)
        .minimumAge(Duration.ZERO)
        .batchSize(100)
        .lease(Duration.ofSeconds(5))
        .interval(Duration.ofMillis(50))
        .build()
        .start();
  }

  /** A dispatcher with one pump, buffer 10, recording each delivery and each effect. */
  private static void consume(FaultSetup setup) {
    JdbcInbox inbox =
        JdbcInbox.forDialect(SqlDialect.POSTGRES, FaultTables.dataSource())
            .withTableName(FaultTables.INBOX);
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(Work.class, WorkHandler.class),
                new SimpleHandlerFactory()
                    .register(WorkHandler.class, () -> new WorkHandler(setup.deferEvery())))
            .inbox(inbox)
            .build();
    Dispatcher dispatcher =
        new DispatcherBuilder()
            .commandProcessor(processor)
            .mappers(new MessageMapperRegistry().register(Work.class, new RecordingMapper()))
            .subscriptions(List.of(setup.subscription(Work.class)))
            .build();
    dispatcher.start();
    Thread.ofPlatform().daemon().name("pump-watch").start(() -> watch(dispatcher));
  }

  /** Prints {@link #PUMP_DIED} once for each pump that ended with an error or replaced one. */
  private static void watch(Dispatcher dispatcher) {
    Set<String> reported = new HashSet<>();
    while (true) {
      for (ConsumerState pump : dispatcher.state()) {
        if ((pump.status() == MessagePumpStatus.ERROR || pump.restarts() > 0)
            && reported.add(pump.consumerName())) {
          System.out.println(PUMP_DIED + ": " + pump);
          System.out.flush();
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Maps with the default JSON mapper, recording first that the message reached the handler. */
  private static final class RecordingMapper implements MessageMapper<Work> {
    private final JsonMessageMapper<Work> json = new JsonMessageMapper<>(Work.class);

    @Override
    public Message mapToMessage(Work request, Publication publication) {
      return json.mapToMessage(request, publication);
    }

    @Override
    public Work mapToRequest(Message message) {
      FaultTables.record(FaultTables.DELIVERIES, message.id());
      return json.mapToRequest(message);
    }
  }

  /**
   * Takes a few milliseconds, so that kills land mid-handling, then records its effect in the
   * inbox's transaction; defers every {@code deferEvery}th message once first.
   */
  public static final class WorkHandler extends RequestHandler<Work> {
    private final int deferEvery;

    WorkHandler(int deferEvery) {
      this.deferEvery = deferEvery;
    }

    @Override
    @UseInbox(
        step = 0,
        contextKey = "faults",
        onceOnly = true,
        onceOnlyAction = OnceOnlyAction.WARN)
    public Work handle(Work work) {
      if (deferEvery > 0 && work.n() % deferEvery == 0 && FaultTables.firstDeferral(work.id())) {
        throw new DeferMessageAction(FaultSetup.DEFER_DELAY);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // the effect commits with the inbox's record of the request: one transaction
      JdbcUnitOfWork unitOfWork = (JdbcUnitOfWork) context().transaction().orElseThrow();
      FaultTables.record(FaultTables.EFFECTS, work.id(), unitOfWork.connection());
      return super.handle(work);
    }
  }
}
