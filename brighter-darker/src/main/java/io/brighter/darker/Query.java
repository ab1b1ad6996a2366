package io.brighter.darker;

/**
 * A question put to the {@link QueryProcessor}, answered by exactly one {@link QueryHandler} with a
 * result of type {@code R}. Unlike a command, a query changes nothing and needs no id. Users write
 * queries as records.
 *
 * {@snippet :
 * record FindGreeting(Id id) implements Query<Greeting> {}
 *
 * Greeting greeting = queryProcessor.execute(new FindGreeting(id));
 * }
 *
 * @param <R> the type of the answer
 */
public interface Query<R> {}
