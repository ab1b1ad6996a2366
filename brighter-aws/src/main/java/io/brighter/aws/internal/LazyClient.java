package io.brighter.aws.internal;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A client made on first use and closed with its owner, so a producer used only one way does not
 * hold the other way's connections and threads. Thread-safe.
 *
 * @param <C> the client's type
 */
public final class LazyClient<C extends SdkAutoCloseable> {

  private final Supplier<C> maker;
  private @Nullable C client;
  private boolean closed;

  /** A client {@code maker} makes when it is first asked for. */
  public LazyClient(Supplier<C> maker) {
    this.maker = maker;
  }

  /**
   * The client, made now if it is the first call.
   *
   * @throws IllegalStateException once closed
   */
  public synchronized C get() {
    if (closed) {
      throw new IllegalStateException("the producer is closed");
    }
    C made = client;
    if (made == null) {
      made = maker.get();
      client = made;
    }
    return made;
  }

  /** Closes the client if it was made; later calls to {@link #get} fail. */
  public synchronized void close() {
    closed = true;
    C made = client;
    client = null;
    if (made != null) {
      made.close();
    }
  }
}
