package io.brighter.handlers;

import io.brighter.Event;
import io.brighter.Id;
import io.brighter.internal.Settings;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Monitor} records of one request passing one handler, sent on the control bus.
 *
 * @param id the event's own id
 * @param type entered, exited, or threw
 * @param instanceName the service instance that handled the request
 * @param handlerName the handler's simple name
 * @param handlerType the handler's fully qualified class name
 * @param requestId the request's id
 * @param requestBody the request as JSON
 * @param eventTime when the event happened
 * @param elapsedMillis the time the handler took, in milliseconds; 0 on entry
 * @param exception the exception's type and message when it threw, else null
 */
public record MonitorEvent(
    Id id,
    Type type,
    String instanceName,
    String handlerName,
    String handlerType,
    Id requestId,
    String requestBody,
    Instant eventTime,
    long elapsedMillis,
    @Nullable String exception)
    implements Event {

  /** Checks the required parts. */
  public MonitorEvent {
    Settings.required(id, "MonitorEvent.id");
    Settings.required(type, "MonitorEvent.type");
    Settings.required(instanceName, "MonitorEvent.instanceName");
    Settings.required(handlerName, "MonitorEvent.handlerName");
    Settings.required(handlerType, "MonitorEvent.handlerType");
    Settings.required(requestId, "MonitorEvent.requestId");
    Settings.required(requestBody, "MonitorEvent.requestBody");
    Settings.required(eventTime, "MonitorEvent.eventTime");
  }

  /** Where in the handler's run the event was taken. */
  public enum Type {
    /** The request entered the handler. */
    ENTER_HANDLER,
    /** The handler returned. */
    EXIT_HANDLER,
    /** The handler threw; the exception was thrown on. */
    EXCEPTION_THROWN
  }
}
