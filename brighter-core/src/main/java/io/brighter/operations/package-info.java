/**
 * Operations: what is stuck, where, and how to send it again, without writing code. {@link
 * io.brighter.operations.BrighterOperations} gathers a service's dispatcher, outbox and dead-letter
 * queues behind one API that an HTTP endpoint or a console can serve.
 */
@NullMarked
package io.brighter.operations;

import org.jspecify.annotations.NullMarked;
