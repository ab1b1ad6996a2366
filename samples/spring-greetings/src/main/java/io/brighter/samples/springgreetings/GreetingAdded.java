package io.brighter.samples.springgreetings;

import io.brighter.Event;
import io.brighter.Id;

/**
 * A greeting was added: sent through the outbox after the commit, read back by the subscription.
 *
 * @param id the greeting's id, which is also the event's
 * @param name who was greeted
 */
public record GreetingAdded(Id id, String name) implements Event {}
