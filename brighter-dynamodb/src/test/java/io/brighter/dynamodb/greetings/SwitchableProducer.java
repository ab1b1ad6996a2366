package io.brighter.dynamodb.greetings;

import io.brighter.messaging.Message;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A producer whose broker can be made unreachable; counts the sends it was asked for. */
public final class SwitchableProducer implements MessageProducer {

  private final MessageProducer delegate;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger attempts = new AtomicInteger();

  public SwitchableProducer(MessageProducer delegate) {
    this.delegate = delegate;
  }

  /** Makes every later send fail ({@code true}) or succeed again. */
  public void brokerDown(boolean value) {
    down.set(value);
  }

  /** How many sends were asked for, failed or not. */
  public int attempts() {
    return attempts.get();
  }

  @Override
  public Publication publication() {
    return delegate.publication();
  }

  @Override
  public void send(Message message) {
    attempts.incrementAndGet();
    if (down.get()) {
      throw new IllegalStateException("broker unreachable");
    }
    delegate.send(message);
  }

  @Override
  public void sendWithDelay(Message message, Duration delay) {
    send(message);
  }
}
