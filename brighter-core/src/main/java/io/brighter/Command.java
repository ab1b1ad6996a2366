package io.brighter;

/**
 * A request that asks for something to be done. A command has exactly one handler; sending a
 * command with no handler, or with more than one, is a {@link ConfigurationException}.
 *
 * {@snippet :
 * record AddGreeting(Id id, String name) implements Command {}
 * commandProcessor.send(new AddGreeting(Id.random(), "Ada"));
 * }
 */
public interface Command extends Request {}
