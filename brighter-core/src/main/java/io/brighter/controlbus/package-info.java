/**
 * The control bus: messages that observe and steer running services from outside. {@link
 * io.brighter.controlbus.ControlBusSender} sends them; {@link io.brighter.controlbus.ControlBus}
 * receives {@link io.brighter.controlbus.ConfigurationCommand}s that stop and start a dispatcher's
 * subscriptions and {@link io.brighter.controlbus.HeartbeatRequest}s answered with a {@link
 * io.brighter.controlbus.HeartbeatReply}; {@link io.brighter.controlbus.NodeStatusPublisher} sends
 * a {@link io.brighter.controlbus.NodeStatusEvent} on a schedule.
 */
@NullMarked
package io.brighter.controlbus;

import org.jspecify.annotations.NullMarked;
