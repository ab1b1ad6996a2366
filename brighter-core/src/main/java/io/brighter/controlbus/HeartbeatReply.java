package io.brighter.controlbus;

import io.brighter.Command;
import io.brighter.Id;
import io.brighter.internal.Settings;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.MessagePumpStatus;
import java.util.List;

/**
 * A service's answer to a {@link HeartbeatRequest}: its name and each of its dispatcher's consumers
 * with its state.
 *
 * @param id the reply's id
 * @param hostName the service instance that answered
 * @param consumers each message pump, with its subscription and state
 */
public record HeartbeatReply(Id id, String hostName, List<RunningConsumer> consumers)
    implements Command {

  /** Checks the parts and copies the list. */
  public HeartbeatReply {
    Settings.required(id, "HeartbeatReply.id");
    Settings.required(hostName, "HeartbeatReply.hostName");
    consumers = List.copyOf(Settings.required(consumers, "HeartbeatReply.consumers"));
  }

  /**
   * One message pump of the answering service.
   *
   * @param subscriptionName the subscription it reads
   * @param consumerName the pump's own name
   * @param status where it is
   */
  public record RunningConsumer(
      String subscriptionName, String consumerName, MessagePumpStatus status) {

    /** The consumer {@code state} describes. */
    public static RunningConsumer of(ConsumerState state) {
      return new RunningConsumer(state.subscriptionName(), state.consumerName(), state.status());
    }
  }
}
