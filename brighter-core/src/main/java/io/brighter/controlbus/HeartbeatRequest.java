package io.brighter.controlbus;

import io.brighter.Call;
import io.brighter.Id;
import io.brighter.internal.Settings;

/**
 * Asks a service, through its {@link ControlBus}, which consumers it runs: sent with {@code
 * CommandProcessor.call}, which waits for the {@link HeartbeatReply} on a reply channel of its own.
 *
 * {@snippet :
 * HeartbeatReply reply = operator.call(HeartbeatRequest.now(), Duration.ofSeconds(5));
 * }
 *
 * @param id the request's id, which the reply carries as its correlation id
 */
public record HeartbeatRequest(Id id) implements Call<HeartbeatReply> {

  /** Checks the id. */
  public HeartbeatRequest {
    Settings.required(id, "HeartbeatRequest.id");
  }

  /** A request with a new id. */
  public static HeartbeatRequest now() {
    return new HeartbeatRequest(Id.random());
  }
}
