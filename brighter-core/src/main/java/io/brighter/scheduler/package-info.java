/**
 * Running requests and sending messages later: the {@link io.brighter.scheduler.RequestScheduler}
 * behind the command processor's scheduled {@code send}, {@code publish} and {@code post}, the
 * {@link io.brighter.scheduler.MessageScheduler} that lets a producer without native delay support
 * {@code sendWithDelay}, and the {@link io.brighter.scheduler.InMemoryScheduler} that is both.
 *
 * {@snippet :
 * InMemoryScheduler scheduler = InMemoryScheduler.builder().build();
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscribers, handlerFactory)
 *     .scheduler(scheduler)
 *     .build();
 * Id job = commandProcessor.send(Duration.ofMinutes(5), new RemindCustomer(Id.random(), "Ada"));
 * }
 */
@NullMarked
package io.brighter.scheduler;

import org.jspecify.annotations.NullMarked;
