/**
 * Darker, the query side of Brighter: {@link io.brighter.darker.Query queries}, the {@link
 * io.brighter.darker.QueryHandler handlers} that answer them, and the {@link
 * io.brighter.darker.QueryProcessor} that runs each query through its handler's decorator pipeline.
 *
 * {@snippet :
 * record FindGreeting(Id id) implements Query<Greeting> {}
 *
 * QueryProcessor queries = QueryProcessor.builder()
 *     .handlers(new QueryHandlerRegistry().register(FindGreeting.class, FindGreetingHandler.class),
 *               new SimpleHandlerFactory())
 *     .build();
 * Greeting greeting = queries.execute(new FindGreeting(id));
 * }
 */
@NullMarked
package io.brighter.darker;

import org.jspecify.annotations.NullMarked;
