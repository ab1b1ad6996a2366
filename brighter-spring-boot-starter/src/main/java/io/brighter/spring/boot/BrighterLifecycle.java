package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import org.springframework.context.SmartLifecycle;

/**
 * Starts a background part of Brighter (the dispatcher, the outbox sweeper, the archiver) when the
 * application context has refreshed, and stops it when the context closes, before the beans it uses
 * (the DataSource, say) are destroyed. It runs in a late phase, so it starts after and stops before
 * the lifecycle beans of lower phases, and stops after the web server's graceful shutdown (phase
 * {@code DEFAULT_PHASE - 1024}) has let in-flight requests finish; stopping waits for the part to
 * finish, e.g. for the dispatcher's pumps to settle the messages in hand.
 *
 * {@snippet :
 * new BrighterLifecycle("dispatcher", dispatcher::start, dispatcher::stop);
 * }
 */
public final class BrighterLifecycle implements SmartLifecycle {

  /** The phase: after the default phase's components start, before they stop. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

  private final String name;
  private final Runnable start;
  private final Runnable stop;
  private volatile boolean running;

  /** A lifecycle named {@code name} that calls {@code start} and {@code stop}. */
  public BrighterLifecycle(String name, Runnable start, Runnable stop) {
    this.name = requireNonNull(name, "name must not be null");
    this.start = requireNonNull(start, "start must not be null");
    this.stop = requireNonNull(stop, "stop must not be null");
  }

  @Override
  public synchronized void start() {
    if (!running) {
      start.run();
      running = true;
    }
  }

  @Override
  public synchronized void stop() {
    if (running) {
      running = false;
      stop.run();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  @Override
  public String toString() {
    return "BrighterLifecycle[" + name + "]";
  }
}
