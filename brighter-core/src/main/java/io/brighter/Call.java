package io.brighter;

/**
 * A command that expects a reply of type {@code R}, sent with {@link CommandProcessor#call}. The
 * processor addresses the message to a reply channel of its own and waits for the reply that
 * carries the call's id as its correlation id.
 *
 * {@snippet :
 * record GreetingRequest(Id id, String name) implements Call<GreetingReply> {}
 * record GreetingReply(Id id, String greeting) implements Command {}
 *
 * GreetingReply reply = commandProcessor.call(new GreetingRequest(Id.random(), "Ada"),
 *     Duration.ofSeconds(2));
 * }
 *
 * <p>Declare {@code R} as a concrete class in the {@code implements} clause: the processor reads it
 * from there to map the reply.
 *
 * @param <R> the reply type
 */
public interface Call<R extends Request> extends Command {}
