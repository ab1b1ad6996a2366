package io.brighter.azure.local;

import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.brighter.local.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.BaseHandler;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.reactor.Acceptor;
import org.apache.qpid.proton.reactor.Reactor;

/**
 * An Azure Service Bus namespace in this JVM, for tests: an AMQP 1.0 front that the unmodified
 * Azure SDK talks to as it talks to the development emulator (a connection string with {@code
 * UseDevelopmentEmulator=true}), and the administration REST endpoint beside it. {@link #shared()}
 * starts one per JVM on first use; {@link #start()} starts another that the caller closes.
 *
 * {@snippet :
 * LocalServiceBus bus = LocalServiceBus.shared();
 * ServiceBusSenderClient sender = new ServiceBusClientBuilder()
 *     .connectionString(bus.connectionString())
 *     .sender().queueName("orders").buildClient();
 * ServiceBusAdministrationClient admin = new ServiceBusAdministrationClientBuilder()
 *     .connectionString(bus.connectionString())
 *     .addPolicy(bus.administrationPolicy())
 *     .buildClient();
 * }
 *
 * <p><b>What it models.</b> Queues, topics, subscriptions with rules ({@link SqlFilter}); sending,
 * one message or a batch, up to 256 KiB a message; receiving in peek-lock mode (the lock token as
 * the delivery tag, {@code x-opt-locked-until}, sequence numbers, enqueue times, the delivery
 * count) or receive-and-delete; settling by disposition (complete, abandon, defer, dead-letter with
 * reason and description), with the outcome echoed and {@code com.microsoft:message-lock-lost} for
 * a lock that expired; lock expiry and the maximum delivery count, after which a message moves to
 * the dead-letter sub-queue ({@code …/$deadletterqueue}) with the reason {@code
 * MaxDeliveryCountExceeded}; scheduled messages (sent with a scheduled enqueue time, or through
 * {@code $management}'s schedule-message, and cancelled); renew-lock; peek; and the administration
 * calls for the four kinds of entity. Sessions: an entity that requires them takes only session
 * receivers, each locking one session (the one asked for, or the first free one with waiting
 * messages, waiting up to the receiver's timeout for one, else {@code com.microsoft:timeout}) and
 * getting only its messages, with the session's lock renewed, its state kept, and the lock ended
 * when the receiver closes. Tokens sent to {@code $cbs} are accepted unchecked.
 *
 * <p><b>What it does not model.</b> Transactions, message expiry (time to live), duplicate
 * detection, auto-forwarding, partitioning, properties modified on abandon, quotas other than the
 * message size, and the entities' runtime counts. Entities live in memory and go with the front.
 * The self-tests ({@code LocalServiceBusIT}) pin the behaviour above.
 */
public final class LocalServiceBus implements AutoCloseable {

  private static final class Shared {
    private static final LocalServiceBus INSTANCE = startShared();

    private static LocalServiceBus startShared() {
      LocalServiceBus bus = start();
      Runtime.getRuntime().addShutdownHook(new Thread(bus::close, "stop-local-servicebus"));
      return bus;
    }
  }

  private static final int TICK_MILLIS = 25;

  private final int port;
  private final AdministrationApi administration;
  private final Thread reactorThread;
  private final AtomicBoolean stopping;

  private LocalServiceBus(
      int port, AdministrationApi administration, Thread reactorThread, AtomicBoolean stopping) {
    this.port = port;
    this.administration = administration;
    this.reactorThread = reactorThread;
    this.stopping = stopping;
  }

  /** The namespace this JVM shares, started on first use. */
  public static LocalServiceBus shared() {
    return Shared.INSTANCE;
  }

  /** A new namespace on free loopback ports; close it when done. */
  public static LocalServiceBus start() {
    ServiceBusNamespace namespace = new ServiceBusNamespace();
    int port = FreePort.find();
    AdministrationApi administration;
    try {
      administration = new AdministrationApi(namespace);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the administration endpoint", e);
    }
    AmqpFront front = new AmqpFront(namespace, Clock.systemUTC());
    AtomicBoolean stopping = new AtomicBoolean();
    CompletableFuture<Void> listening = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                Reactor reactor = Proton.reactor(new Ticker(front, stopping));
                Acceptor acceptor = reactor.acceptor("127.0.0.1", port, front);
                listening.complete(null);
                reactor.run();
                acceptor.close();
              } catch (IOException e) {
                listening.completeExceptionally(
                    new UncheckedIOException("Could not listen on " + port, e));
              } catch (RuntimeException e) {
                listening.completeExceptionally(e);
              }
            },
            "local-servicebus");
    thread.setDaemon(true);
    thread.start();
    try {
      listening.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      administration.stop();
      throw new IllegalStateException("The Service Bus front did not start", e.getCause());
    } catch (InterruptedException e) {
      administration.stop();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the Service Bus front", e);
    }
    return new LocalServiceBus(port, administration, thread, stopping);
  }

  /** Runs the front's periodic work on the reactor thread, and stops the reactor when asked. */
  private static final class Ticker extends BaseHandler {
    private final AmqpFront front;
    private final AtomicBoolean stopping;

    Ticker(AmqpFront front, AtomicBoolean stopping) {
      this.front = front;
      this.stopping = stopping;
    }

    @Override
    public void onReactorInit(Event event) {
      event.getReactor().schedule(TICK_MILLIS, this);
    }

    @Override
    public void onTimerTask(Event event) {
      Reactor reactor = event.getReactor();
      if (stopping.get()) {
        reactor.stop();
        return;
      }
      front.tick();
      reactor.schedule(TICK_MILLIS, this);
    }
  }

  /** The AMQP port. */
  public int port() {
    return port;
  }

  /** The namespace's endpoint, {@code sb://127.0.0.1:port}. */
  public URI endpoint() {
    return URI.create("sb://127.0.0.1:" + port);
  }

  /** A connection string for the SDK's clients: the development emulator's form. */
  public String connectionString() {
    return "Endpoint="
        + endpoint()
        + ";SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE"
        + ";UseDevelopmentEmulator=true;";
  }

  /** Where the administration endpoint listens, over plain HTTP. */
  public URI administrationEndpoint() {
    return URI.create("http://127.0.0.1:" + administration.port());
  }

  /**
   * A policy for the SDK's administration client builder that sends its calls to {@link
   * #administrationEndpoint()}: the client calls {@code https://} the namespace's host on the
   * default port, where the front cannot listen.
   */
  public HttpPipelinePolicy administrationPolicy() {
    URI endpoint = administrationEndpoint();
    return new HttpPipelinePolicy() {
      @Override
      public reactor.core.publisher.Mono<com.azure.core.http.HttpResponse> process(
          com.azure.core.http.HttpPipelineCallContext context,
          com.azure.core.http.HttpPipelineNextPolicy next) {
        URL url = context.getHttpRequest().getUrl();
        String file = url.getFile();
        context.getHttpRequest().setUrl(endpoint + (file.startsWith("/") ? file : "/" + file));
        return next.process();
      }

      @Override
      public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
      }
    };
  }

  /** Stops the front; its entities and messages go with it. */
  @Override
  public void close() {
    stopping.set(true);
    administration.stop();
    try {
      reactorThread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
