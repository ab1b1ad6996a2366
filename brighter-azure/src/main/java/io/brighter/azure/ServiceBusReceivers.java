package io.brighter.azure;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Where a consumer receives from: one receiver of the whole entity, or, on an entity that requires
 * sessions, the receiver of one session at a time.
 */
sealed interface ServiceBusReceivers extends AutoCloseable {

  /** The receiver to receive from now; null when no session is free. */
  @Nullable ServiceBusReceiverClient current();

  /** Called after a receive found nothing and nothing is in flight: a session is let go. */
  void idle();

  @Override
  void close();

  /** One receiver of the whole entity. */
  record Entity(ServiceBusReceiverClient receiver) implements ServiceBusReceivers {
    @Override
    public ServiceBusReceiverClient current() {
      return receiver;
    }

    @Override
    public void idle() {}

    @Override
    public void close() {
      receiver.close();
    }
  }

  /**
   * The sessions of an entity, one at a time: the next free one is accepted when needed, and let go
   * once it has nothing more, so each session is read by one consumer at a time and in order.
   */
  final class Sessions implements ServiceBusReceivers {
    private final ServiceBusSessionReceiverClient sessions;
    private @Nullable ServiceBusReceiverClient session;

    Sessions(ServiceBusSessionReceiverClient sessions) {
      this.sessions = sessions;
    }

    @Override
    public synchronized @Nullable ServiceBusReceiverClient current() {
      if (session == null) {
        try {
          session = sessions.acceptNextSession();
        } catch (RuntimeException e) {
          if (noSessionFree(e)) {
            return null;
          }
          throw e;
        }
      }
      return session;
    }

    @Override
    public synchronized void idle() {
      ServiceBusReceiverClient done = session;
      session = null;
      if (done != null) {
        done.close();
      }
    }

    @Override
    public synchronized void close() {
      try {
        idle();
      } finally {
        sessions.close();
      }
    }

    /** Whether {@code e} says no session became free in time (the broker's or the client's). */
    private static boolean noSessionFree(Throwable e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof TimeoutException
            || (cause instanceof AmqpException amqp
                && amqp.getErrorCondition() == AmqpErrorCondition.TIMEOUT_ERROR)) {
          return true;
        }
      }
      return false;
    }
  }
}
