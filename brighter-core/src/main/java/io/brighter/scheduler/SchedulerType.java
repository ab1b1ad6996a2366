package io.brighter.scheduler;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Request;
import io.brighter.RequestContext;

/**
 * Which command processor call a scheduled request replays when it falls due.
 *
 * {@snippet :
 * Id job = scheduler.schedule(new RemindCustomer(Id.random(), "Ada"), SchedulerType.SEND, at);
 * }
 */
public enum SchedulerType {
  /** {@code CommandProcessor.send}: the command's one handler runs. */
  SEND,
  /** {@code CommandProcessor.publish}: every handler of the event runs. */
  PUBLISH,
  /** {@code CommandProcessor.post}: the request goes through the outbox to the broker. */
  POST;

  /**
   * Checks that {@code request} can be replayed as this type.
   *
   * @throws IllegalArgumentException when this is {@link #SEND} and the request is not a {@link
   *     Command}, or {@link #PUBLISH} and it is not an {@link Event}
   */
  void check(Request request) {
    if (this == SEND && !(request instanceof Command)) {
      throw new IllegalArgumentException("only a Command can be scheduled to SEND: " + request);
    }
    if (this == PUBLISH && !(request instanceof Event)) {
      throw new IllegalArgumentException("only an Event can be scheduled to PUBLISH: " + request);
    }
  }

  /** Replays {@code request} on {@code processor} as this type, with a fresh context. */
  void replay(Request request, CommandProcessor processor) {
    switch (this) {
      case SEND -> processor.send((Command) request, new RequestContext());
      case PUBLISH -> processor.publish((Event) request, new RequestContext());
      case POST -> processor.post(request, new RequestContext());
    }
  }
}
