package io.brighter;

/**
 * A request that announces something that happened. An event reaches every handler registered for
 * it; publishing an event nobody handles does nothing.
 *
 * {@snippet :
 * record GreetingAdded(Id id, String name) implements Event {}
 * commandProcessor.publish(new GreetingAdded(Id.random(), "Ada"));
 * }
 */
public interface Event extends Request {}
