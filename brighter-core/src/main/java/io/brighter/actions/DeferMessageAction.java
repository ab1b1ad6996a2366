package io.brighter.actions;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a handler or mapper to ask the consumer to requeue the message and try it again later,
 * after {@link #delay()} when given, else after the subscription's requeue delay. Once the
 * subscription's requeue count is reached the message is rejected instead.
 *
 * {@snippet :
 * if (!inventory.isAvailable()) {
 *   throw new DeferMessageAction(Duration.ofSeconds(5));
 * }
 * }
 */
public final class DeferMessageAction extends MessageAction {

  private static final long serialVersionUID = 1L;

  private static final int PRECEDENCE = 1;

  private final @Nullable Duration delay;

  /** Requeue after the subscription's requeue delay. */
  public DeferMessageAction() {
    this(null, "Message deferred", null);
  }

  /** Requeue after {@code delay}. */
  public DeferMessageAction(Duration delay) {
    this(delay, "Message deferred for " + delay, null);
  }

  /**
   * Requeue after {@code delay} (or the subscription's delay when null), because of {@code cause}.
   */
  public DeferMessageAction(@Nullable Duration delay, String reason, @Nullable Throwable cause) {
    super(reason, cause);
    if (delay != null && delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    this.delay = delay;
  }

  /** The delay asked for; empty means the subscription's requeue delay. */
  public Optional<Duration> delay() {
    return Optional.ofNullable(delay);
  }

  /** 1: see {@link MessageAction#precedence()}. */
  @Override
  public int precedence() {
    return PRECEDENCE;
  }
}
